import { revokeApiToken } from "@/lib/access/api-tokens/api-tokens";
import { contractRoute } from "@/lib/contracts/contract-route";
import { revokeApiTokenRoute } from "@/lib/contracts/settings";
import { NotFoundError } from "@/lib/http/errors";

export const runtime = "nodejs";

/** Revoking takes effect on the token's next request. */
export const DELETE = contractRoute(revokeApiTokenRoute, async ({ params: { id, tokenId } }) => {
  if (!(await revokeApiToken(tokenId, id))) throw new NotFoundError("active API token");
  return { id: tokenId, revoked: true as const };
});
