import { authedRoute } from "@/lib/access/authed-route";
import { actorOf } from "@/lib/team/actor";
import { setConversationLabel } from "@/lib/team/conversation-labels";

export const runtime = "nodejs";

type Context = { params: Promise<{ id: string; labelId: string }> };

// Puts one of the account's labels on the conversation (PUT) or takes it off (DELETE).
export const PUT = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const { id, labelId } = await params;
  return Response.json(await setConversationLabel(id, viewer.scope, actorOf(viewer), labelId, true));
});

export const DELETE = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const { id, labelId } = await params;
  return Response.json(await setConversationLabel(id, viewer.scope, actorOf(viewer), labelId, false));
});
