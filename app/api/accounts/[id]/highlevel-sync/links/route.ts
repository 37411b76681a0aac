import { accountOwnerRoute } from "@/lib/access/account-owner-route";
import { readJson } from "@/lib/http/read-body";
import { linkUser } from "@/lib/team/highlevel-sync/owner-actions";
import { userLinkSchema } from "@/lib/team/highlevel-sync/validations";

export const runtime = "nodejs";

/** `{ userId, highLevelUserId }`: an owner links a member to a HighLevel user, or to none (null). */
export const PUT = accountOwnerRoute(async (request: Request, { accountId: id }) => {
  return Response.json(await linkUser(id, await readJson(request, userLinkSchema)));
});
