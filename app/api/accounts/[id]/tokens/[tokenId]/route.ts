import { revokeApiToken } from "@/lib/access/api-tokens";
import { authedRoute } from "@/lib/access/authed-route";
import { requireAccountOwner } from "@/lib/access/require-owner";
import { NotFoundError } from "@/lib/http/errors";

export const runtime = "nodejs";

/** Revoking takes effect on the token's next request. */
export const DELETE = authedRoute(
  async (_request: Request, { params }: { params: Promise<{ id: string; tokenId: string }> }, viewer) => {
    const { id, tokenId } = await params;
    await requireAccountOwner(viewer, id);
    if (!(await revokeApiToken(tokenId, id))) throw new NotFoundError("active API token");
    return Response.json({ id: tokenId, revoked: true });
  },
);
