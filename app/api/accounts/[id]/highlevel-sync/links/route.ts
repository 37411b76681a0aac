import { getPrisma } from "@/lib/db";
import { contractRoute } from "@/lib/contracts/contract-route";
import { linkHighLevelUserRoute } from "@/lib/contracts/settings";
import { linkUser } from "@/lib/team/highlevel-sync/owner-actions";

export const runtime = "nodejs";

/** `{ userId, highLevelUserId }`: an owner links a member to a HighLevel user, or to none (null). */
export const PUT = contractRoute(linkHighLevelUserRoute, async ({ params: { id }, body: link }) => {
  return linkUser(await getPrisma(), id, link);
});
