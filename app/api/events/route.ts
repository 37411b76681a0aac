import { authedRoute } from "@/lib/access/authed-route";
import { requireEventLogReader } from "@/lib/ingest/event-log-access";
import { listEvents } from "@/lib/ingest/event-log-queries";
import { eventListQuerySchema } from "@/lib/ingest/event-log-types";
import { searchParamsToObject } from "@/lib/inbox/validations";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The event log, newest first: ?status=&provider=&limit=&cursor= */
export const GET = authedRoute(async (request: Request, _context: unknown, viewer) => {
  const reach = await requireEventLogReader(viewer);
  const query = eventListQuerySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  return Response.json(await listEvents(reach, query));
});
