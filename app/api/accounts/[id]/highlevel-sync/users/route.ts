import { getPrisma } from "@/lib/db";
import { answer, contractRoute } from "@/lib/contracts/contract-route";
import { refetchHighLevelUsersRoute } from "@/lib/contracts/settings";
import { refetchUsers } from "@/lib/team/highlevel-sync/owner-actions";

export const runtime = "nodejs";

/** Fetches the location's users from HighLevel again (queued; the answer is the view as it is now). */
export const POST = contractRoute(refetchHighLevelUsersRoute, async ({ params: { id } }) => {
  return answer(await refetchUsers(await getPrisma(), id), { status: 202 });
});
