import { accountRenameSchema, renameAccount } from "@/lib/access/account-names";
import { accountOwnerRoute } from "@/lib/access/account-owner-route";
import { readJson } from "@/lib/http/read-body";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** An owner names the account (shown on rows when a viewer sees more than one account). */
export const PATCH = accountOwnerRoute(async (request: Request, { accountId: id }) => {
  const { displayName } = await readJson(request, accountRenameSchema);
  return Response.json({ id, name: await renameAccount(id, displayName) });
});
