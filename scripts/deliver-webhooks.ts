// Delivers queued webhook events from the command line, next to (or instead of) the server's
// in-process worker. Both share the queue in the database and claim each delivery before sending.
//   npx tsx scripts/deliver-webhooks.ts           one pass: check unanswered questions, send what is due
//   npx tsx scripts/deliver-webhooks.ts --watch   keep going every 5 s until stopped (Ctrl-C)
import { db, dbReady } from "~/db.server";
import { announceUnansweredQuestions } from "~/webhooks/unanswered.server";
import { createWebhookWorker } from "~/webhooks/worker.server";

const INTERVAL_MS = 5_000;
const UNANSWERED_EVERY_MS = 10 * 60_000;

async function pass(worker: ReturnType<typeof createWebhookWorker>, checkQuestions: boolean) {
  if (checkQuestions) {
    const announced = await announceUnansweredQuestions();
    if (announced) console.log(`question.unanswered: queued ${announced}`);
  }
  const { attempted, delivered } = await worker.drain();
  if (attempted) console.log(`${new Date().toISOString()} attempted ${attempted}, delivered ${delivered}`);
}

async function main() {
  await dbReady;
  const worker = createWebhookWorker();
  if (!process.argv.includes("--watch")) {
    await pass(worker, true);
    const pending = await db.webhookDelivery.count({ where: { status: "pending" } });
    console.log(`Done. ${pending} deliveries still waiting for a retry.`);
    return;
  }
  let stopping = false;
  process.on("SIGINT", () => (stopping = true));
  process.on("SIGTERM", () => (stopping = true));
  let lastCheck = 0;
  console.log("Delivering webhooks every 5 s; Ctrl-C to stop.");
  while (!stopping) {
    const check = Date.now() - lastCheck >= UNANSWERED_EVERY_MS;
    if (check) lastCheck = Date.now();
    await pass(worker, check).catch((error) => console.error(error));
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
