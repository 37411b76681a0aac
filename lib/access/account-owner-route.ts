import { authedRoute } from "./authed-route";
import { requireAccountOwner } from "./require-owner";
import type { Viewer } from "./viewer";

// The routes under /api/accounts/:id that only the account's owners may use (its settings,
// tokens, invitations, sync): the owner check runs before the handler, written once.

type AccountContext = { params: Promise<{ id: string }> };
export type AccountOwner = Extract<Viewer, { kind: "user" }>;

export function accountOwnerRoute(
  handler: (request: Request, account: { accountId: string; owner: AccountOwner }) => Promise<Response>,
) {
  return authedRoute(async (request: Request, { params }: AccountContext, viewer) => {
    const { id } = await params;
    const owner = await requireAccountOwner(viewer, id);
    return handler(request, { accountId: id, owner });
  });
}
