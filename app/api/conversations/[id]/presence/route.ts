import { authedRoute } from "@/lib/access/authed-route";
import type { Viewer } from "@/lib/access/viewer";
import { HttpError } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-body";
import { heartbeat, leave } from "@/lib/team/presence";
import { presenceInputSchema } from "@/lib/team/validations";

export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

const personOf = (viewer: Viewer) => {
  if (viewer.kind !== "user") throw new HttpError(403, "presence is for people, not API tokens");
  return viewer.userId;
};

// The open page's heartbeat ({ typing }): answers who else has this conversation open.
export const POST = authedRoute(async (request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  const { typing } = await readJson(request, presenceInputSchema);
  return Response.json({ others: await heartbeat(id, viewer.scope, personOf(viewer), typing) });
});

// The page closed the conversation.
export const DELETE = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  await leave(id, viewer.scope, personOf(viewer));
  return new Response(null, { status: 204 });
});
