import { adapterFor } from "@/lib/providers";
import { listReplayableEvents } from "@/lib/webhook-events";
import { replayEvent, type IngestStatus } from "./ingest-delivery";

export interface ReplaySummary {
  attempted: number;
  outcomes: Record<IngestStatus | "skipped", number>;
}

/** Processes again every event that failed or never finished, oldest first. */
export async function replayFailedEvents(limit = 10_000): Promise<ReplaySummary> {
  const summary: ReplaySummary = { attempted: 0, outcomes: { processed: 0, duplicate: 0, failed: 0, ignored: 0, skipped: 0 } };
  for (const event of await listReplayableEvents(limit)) {
    summary.attempted++;
    const adapter = adapterFor(event.provider);
    const result = adapter ? await replayEvent(adapter, event.id, event.payload) : null;
    summary.outcomes[result?.status ?? "skipped"]++;
  }
  return summary;
}
