import { authedRoute } from "@/lib/access/authed-route";
import { requireEventLogReader } from "@/lib/ingest/event-log-access";
import { eventSummary } from "@/lib/ingest/event-log-queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Counts by provider and status, backlog depth and processing lag. */
export const GET = authedRoute(async (_request: Request, _context: unknown, viewer) => {
  const reach = await requireEventLogReader(viewer);
  return Response.json(await eventSummary(reach));
});
