import { inProcessWorkerEnabled, startInProcessWorker } from "@/lib/ingest/in-process-worker";
import { startLocalJobWorker, stopLocalJobWorker } from "@/lib/jobs/local-worker";
import { JOB_DEFINITIONS } from "./job-definitions";

// What an app process runs beside answering requests, unless THREADLINE_WORKER=off: the event
// worker (webhook events, from the event log) and the job worker (every kind of
// ./job-definitions.ts: replies to send, transcripts, pipeline names, snooze wake-ups, assignment
// sync, mention mail). Composed here so lib/ingest knows nothing of the other features' jobs.
export function startInProcessWorkers(): void {
  if (!inProcessWorkerEnabled()) return;
  startInProcessWorker({ stopOnSigterm: true });
  startLocalJobWorker(JOB_DEFINITIONS);
  // On SIGTERM the job worker finishes the jobs it runs (the event worker stops itself).
  process.once("SIGTERM", () => void stopLocalJobWorker());
}
