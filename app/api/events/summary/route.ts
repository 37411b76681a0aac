import { contractRoute } from "@/lib/contracts/contract-route";
import { eventSummaryRoute } from "@/lib/contracts/events";
import { requireEventLogReader } from "@/lib/ingest/event-log-access";
import { eventSummary } from "@/lib/ingest/event-log-queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Counts by provider and status, backlog depth and processing lag. */
export const GET = contractRoute(eventSummaryRoute, async (_input, viewer) => {
  const reach = await requireEventLogReader(viewer);
  return eventSummary(reach);
});
