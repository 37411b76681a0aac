import { issueApiToken, listApiTokens } from "@/lib/access/api-tokens/api-tokens";
import { answer, contractRoute } from "@/lib/contracts/contract-route";
import { apiTokensRoute, issueApiTokenRoute } from "@/lib/contracts/settings";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = contractRoute(apiTokensRoute, async ({ params: { id } }) => {
  return { tokens: await listApiTokens(id) };
});

/** The token is in this answer and nowhere else, ever. Only owners make tokens, of either scope. */
export const POST = contractRoute(issueApiTokenRoute, async ({ params: { id }, body: { name, scope } }) => {
  return answer(await issueApiToken(id, name, scope), { status: 201 });
});
