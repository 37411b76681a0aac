import { answer, contractRoute } from "@/lib/contracts/contract-route";
import { eventDetailRoute } from "@/lib/contracts/events";
import { requireEventLogReader } from "@/lib/ingest/event-log-access";
import { eventDetail } from "@/lib/ingest/event-log-queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One event with its delivered body; personal data, so never cached. */
export const GET = contractRoute(eventDetailRoute, async ({ params: { id } }, viewer) => {
  const reach = await requireEventLogReader(viewer);
  return answer({ event: await eventDetail(reach, id) }, { headers: { "cache-control": "private, no-store" } });
});
