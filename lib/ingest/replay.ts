import { requeueEvents } from "./event-log";
import { drainEvents, type DrainSummary } from "./worker";

export interface ReplaySummary {
  /** Events put back in the queue. */
  attempted: number;
  outcomes: DrainSummary;
}

/**
 * `npm run events:replay`: every failed event back to the queue with fresh attempts, then
 * processed here and now (the CLI runs only while no app holds the embedded database).
 */
export async function replayFailedEvents(): Promise<ReplaySummary> {
  const attempted = await requeueEvents({ status: "failed" });
  return { attempted, outcomes: await drainEvents() };
}
