import { accountOwnerRoute } from "@/lib/access/account-owner-route";
import { refetchUsers } from "@/lib/team/highlevel-sync/owner-actions";

export const runtime = "nodejs";

/** Fetches the location's users from HighLevel again (queued; the answer is the view as it is now). */
export const POST = accountOwnerRoute(async (_request: Request, { accountId: id }) => {
  return Response.json(await refetchUsers(id), { status: 202 });
});
