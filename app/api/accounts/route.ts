import { authedRoute } from "@/lib/access/authed-route";
import { listAccountsInScope } from "@/lib/access/memberships";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = authedRoute(async (_request: Request, _context: unknown, viewer) => {
  const accounts = await listAccountsInScope(viewer.scope, viewer.kind === "user" ? viewer.userId : null);
  return Response.json({ accounts });
});
