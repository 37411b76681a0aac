import { authedRoute } from "@/lib/access/authed-route";
import { NotFoundError } from "@/lib/http/errors";
import { actorOf } from "@/lib/team/actor";
import { markDone, reopen } from "@/lib/triage/done";

export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

// Done for the whole account: POST marks it, DELETE reopens it.
export const POST = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  if (!(await markDone(id, viewer.scope, actorOf(viewer)))) throw new NotFoundError("conversation");
  return Response.json({ id, done: true });
});

export const DELETE = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  if (!(await reopen(id, viewer.scope, actorOf(viewer)))) throw new NotFoundError("conversation");
  return Response.json({ id, done: false });
});
