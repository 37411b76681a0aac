import { contractRoute } from "@/lib/contracts/contract-route";
import { retryFailedEventsRoute } from "@/lib/contracts/events";
import { requireEventLogReader } from "@/lib/ingest/event-log-access";
import { requeueAllFailed } from "@/lib/ingest/event-log-queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Every failed event the viewer may see, back to the queue: { requeued: n }. */
export const POST = contractRoute(retryFailedEventsRoute, async (_input, viewer) => {
  const reach = await requireEventLogReader(viewer);
  return { requeued: await requeueAllFailed(reach) };
});
