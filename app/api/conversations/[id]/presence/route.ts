import { getPrisma } from "@/lib/db";
import { contractRoute } from "@/lib/contracts/contract-route";
import { leavePresenceRoute, presenceRoute } from "@/lib/contracts/team";
import { heartbeat, leave } from "@/lib/team/presence";

export const runtime = "nodejs";

// The open page's heartbeat ({ typing }): answers who else has this conversation open.
export const POST = contractRoute(presenceRoute, async ({ params: { id }, body: { typing } }, person) => {
  return {
    others: await heartbeat(await getPrisma(), id, person.scope, person.userId, typing),
  };
});

// The page closed the conversation.
export const DELETE = contractRoute(leavePresenceRoute, async ({ params: { id } }, person) => {
  await leave(await getPrisma(), id, person.scope, person.userId);
  return null;
});
