import { renameAccount } from "@/lib/access/people/account-names";
import { contractRoute } from "@/lib/contracts/contract-route";
import { renameAccountRoute } from "@/lib/contracts/settings";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** An owner names the account (shown on rows when a viewer sees more than one account). */
export const PATCH = contractRoute(renameAccountRoute, async ({ params: { id }, body: { displayName } }) => {
  return { id, name: await renameAccount(id, displayName) };
});
