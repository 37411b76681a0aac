import { listAccountsInScope } from "@/lib/access/people/memberships";
import { contractRoute } from "@/lib/contracts/contract-route";
import { listAccountsRoute } from "@/lib/contracts/conversations";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = contractRoute(listAccountsRoute, async (_input, viewer) => {
  const accounts = await listAccountsInScope(viewer.scope, viewer.kind === "user" ? viewer.userId : null);
  return { accounts };
});
