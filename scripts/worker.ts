import { closeDatabase, getDatabase } from "@/lib/db";
import { enableDemoSending } from "@/lib/demo/sending";
import { EventWorker, workerOptionsFromEnv } from "@/lib/ingest/worker";
import { startLocalJobWorker, stopLocalJobWorker } from "@/lib/jobs/local-worker";
import { logger } from "@/lib/logger";
import { JOB_DEFINITIONS } from "@/lib/worker/job-definitions";
import { startMailSweep, stopMailSweep } from "@/lib/mail/sender";
import { assertDatabaseFree } from "./cli-database";

// npm run worker: a process that only drains the event log. Run as many as the database can
// feed beside the app instances (set THREADLINE_WORKER=off on those to keep ingestion out of
// the processes that answer people). On the embedded database the app's own worker is the only one.
assertDatabaseFree("worker");
if (!process.env.DATABASE_URL) {
  console.error(
    "worker: the embedded database processes events inside the app; set DATABASE_URL to run separate workers.",
  );
  process.exit(2);
}
await getDatabase();
const worker = new EventWorker(workerOptionsFromEnv({ concurrency: 8 }));
worker.start();
// The job queue: every kind (lib/worker/job-definitions.ts); replies to send (demo locations without a token: to the demo's stand-in, demo mode only).
enableDemoSending();
startLocalJobWorker(JOB_DEFINITIONS);
// Sends queued mail too (retries, and mail of app instances that have stopped).
startMailSweep();
logger.info("worker: started", { ...worker.options, pid: process.pid });

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info("worker: stopping", { signal });
  await worker.stop();
  await stopLocalJobWorker();
  await stopMailSweep();
  await closeDatabase();
  logger.info("worker: stopped", { ...worker.totals });
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
