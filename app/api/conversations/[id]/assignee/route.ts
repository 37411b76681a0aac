import { authedRoute } from "@/lib/access/authed-route";
import { readJson } from "@/lib/http/read-body";
import { actorOf } from "@/lib/team/actor";
import { assignConversation } from "@/lib/team/assign";
import { assignInputSchema } from "@/lib/team/validations";

export const runtime = "nodejs";

type Context = { params: Promise<{ id: string }> };

// Assign to a member of the conversation's account ({ assigneeId }), or unassign ({ assigneeId: null }).
export const PUT = authedRoute(async (request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  const { assigneeId } = await readJson(request, assignInputSchema);
  return Response.json(await assignConversation(id, viewer.scope, actorOf(viewer), assigneeId));
});
