import { authedRoute } from "@/lib/access/authed-route";
import { requireEventLogReader } from "@/lib/ingest/event-log-access";
import { requeueAllFailed } from "@/lib/ingest/event-log-queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Every failed event the viewer may see, back to the queue: { requeued: n }. */
export const POST = authedRoute(async (_request: Request, _context: unknown, viewer) => {
  const reach = await requireEventLogReader(viewer);
  return Response.json({ requeued: await requeueAllFailed(reach) });
});
