import { db } from "~/db.server";

// For load balancers and the test harness: answers 200 only when the database answers too.
export async function loader() {
  await db.$queryRawUnsafe("SELECT 1");
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
