import { authedRoute } from "@/lib/access/authed-route";
import { requirePerson } from "@/lib/access/require-person";
import { readJson } from "@/lib/http/read-body";
import { heartbeat, leave } from "@/lib/team/presence";
import { presenceInputSchema } from "@/lib/team/validations";

export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

// The open page's heartbeat ({ typing }): answers who else has this conversation open.
export const POST = authedRoute(async (request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  const { typing } = await readJson(request, presenceInputSchema);
  return Response.json({
    others: await heartbeat(id, viewer.scope, requirePerson(viewer, "presence signals").userId, typing),
  });
});

// The page closed the conversation.
export const DELETE = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  await leave(id, viewer.scope, requirePerson(viewer, "presence signals").userId);
  return new Response(null, { status: 204 });
});
