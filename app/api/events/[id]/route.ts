import { authedRoute } from "@/lib/access/authed-route";
import { requireEventLogReader } from "@/lib/ingest/event-log-access";
import { eventDetail } from "@/lib/ingest/event-log-queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One event with its delivered body; personal data, so never cached. */
export const GET = authedRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }, viewer) => {
  const reach = await requireEventLogReader(viewer);
  const { id } = await params;
  return Response.json({ event: await eventDetail(reach, id) }, { headers: { "cache-control": "private, no-store" } });
});
