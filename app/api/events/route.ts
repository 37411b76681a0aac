import { contractRoute } from "@/lib/contracts/contract-route";
import { listEventsRoute } from "@/lib/contracts/events";
import { requireEventLogReader } from "@/lib/ingest/event-log-access";
import { listEvents } from "@/lib/ingest/event-log-queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The event log, newest first: ?status=&provider=&limit=&cursor= */
export const GET = contractRoute(listEventsRoute, async ({ query }, viewer) => {
  const reach = await requireEventLogReader(viewer);
  return listEvents(reach, query);
});
