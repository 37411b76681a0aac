import { getPrisma } from "@/lib/db";
import { contractRoute } from "@/lib/contracts/contract-route";
import { assignRoute } from "@/lib/contracts/team";
import { actorOf } from "@/lib/team/actor";
import { assignConversation } from "@/lib/team/assign";

export const runtime = "nodejs";

// Assign to a member of the conversation's account ({ assigneeId }), or unassign ({ assigneeId: null }).
export const PUT = contractRoute(assignRoute, async ({ params: { id }, body: { assigneeId } }, viewer) => {
  return assignConversation(await getPrisma(), id, viewer.scope, actorOf(viewer), assigneeId);
});
