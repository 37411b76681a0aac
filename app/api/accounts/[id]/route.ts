import { accountRenameSchema, renameAccount } from "@/lib/access/account-names";
import { authedRoute } from "@/lib/access/authed-route";
import { requireAccountOwner } from "@/lib/access/require-owner";
import { readJson } from "@/lib/http/read-body";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** An owner names the account (shown on rows when a viewer sees more than one account). */
export const PATCH = authedRoute(async (request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  await requireAccountOwner(viewer, id);
  const { displayName } = await readJson(request, accountRenameSchema);
  return Response.json({ id, name: await renameAccount(id, displayName) });
});
