import { authedRoute } from "@/lib/access/authed-route";
import { requireEventLogReader } from "@/lib/ingest/event-log-access";
import { requeueEvent } from "@/lib/ingest/event-log-queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** "Process again": a failed event back to the queue with fresh attempts; 409 if it is not failed or waiting. */
export const POST = authedRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }, viewer) => {
  const reach = await requireEventLogReader(viewer);
  const { id } = await params;
  return Response.json({ event: await requeueEvent(reach, id) });
});
