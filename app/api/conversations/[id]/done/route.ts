import { authedRoute } from "@/lib/access/authed-route";
import { getPrisma } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";
import { actorOf } from "@/lib/team/actor";
import { markDone, reopen } from "@/lib/triage/done";

export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

// Done for the whole account: POST marks it, DELETE reopens it.
export const POST = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  if (!(await markDone(await getPrisma(), viewer.scope, id, actorOf(viewer)))) throw new NotFoundError("conversation");
  return Response.json({ id, done: true });
});

export const DELETE = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  if (!(await reopen(await getPrisma(), viewer.scope, id, actorOf(viewer)))) throw new NotFoundError("conversation");
  return Response.json({ id, done: false });
});
