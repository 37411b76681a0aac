import { readJson } from "@/lib/http/read-body";
import { z } from "zod";
import { issueApiToken, listApiTokens } from "@/lib/access/api-tokens";
import { accountOwnerRoute } from "@/lib/access/account-owner-route";
import { apiTokenScopeSchema } from "@/lib/vocabulary";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const tokenRequestSchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** "send": the token may also send replies (and retry, dismiss or cancel them) in this account. */
  scope: apiTokenScopeSchema.default("read"),
});

export const GET = accountOwnerRoute(async (_request: Request, { accountId: id }) => {
  return Response.json({ tokens: await listApiTokens(id) });
});

/** The token is in this answer and nowhere else, ever. Only owners make tokens, of either scope. */
export const POST = accountOwnerRoute(async (request: Request, { accountId: id }) => {
  const { name, scope } = await readJson(request, tokenRequestSchema);
  return Response.json(await issueApiToken(id, name, scope), { status: 201 });
});
