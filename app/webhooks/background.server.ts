// Jobs that run inside the server process on an interval: webhook delivery and the
// question.unanswered check. server.mjs starts them after it begins listening. Under tests they
// stay off unless BACKGROUND_JOBS=on; BACKGROUND_JOBS=off turns them off anywhere (for example
// when scripts/deliver-webhooks.ts --watch runs as its own process instead).
import { env } from "~/env.server";
import { announceUnansweredQuestions } from "./unanswered.server";
import { createWebhookWorker } from "./worker.server";

const DELIVERY_INTERVAL_MS = 5_000;
const UNANSWERED_INTERVAL_MS = 10 * 60_000;

export function backgroundJobsEnabled(): boolean {
  if (env.BACKGROUND_JOBS) return env.BACKGROUND_JOBS === "on";
  return env.NODE_ENV !== "test";
}

let stopCurrent: (() => void) | null = null;

/** Starts the jobs once per process; returns a function that stops them. */
export function startBackgroundJobs(): () => void {
  if (!backgroundJobsEnabled()) return () => {};
  if (stopCurrent) return stopCurrent;
  const worker = createWebhookWorker();
  worker.start(DELIVERY_INTERVAL_MS);
  const check = () => announceUnansweredQuestions().catch((error) => console.error("[webhooks] unanswered-question check failed", error));
  const timer = setInterval(check, UNANSWERED_INTERVAL_MS);
  timer.unref?.();
  void check();
  stopCurrent = () => {
    worker.stop();
    clearInterval(timer);
    stopCurrent = null;
  };
  return stopCurrent;
}
