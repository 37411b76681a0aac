import { getPrisma } from "@/lib/db";
import { contractRoute } from "@/lib/contracts/contract-route";
import { labelConversationRoute, unlabelConversationRoute } from "@/lib/contracts/team";
import { actorOf } from "@/lib/team/actor";
import { setConversationLabel } from "@/lib/team/conversation-labels";

export const runtime = "nodejs";

// Puts one of the account's labels on the conversation (PUT) or takes it off (DELETE).
export const PUT = contractRoute(labelConversationRoute, async ({ params: { id, labelId } }, viewer) => {
  return setConversationLabel(await getPrisma(), id, viewer.scope, actorOf(viewer), labelId, true);
});

export const DELETE = contractRoute(unlabelConversationRoute, async ({ params: { id, labelId } }, viewer) => {
  return setConversationLabel(await getPrisma(), id, viewer.scope, actorOf(viewer), labelId, false);
});
