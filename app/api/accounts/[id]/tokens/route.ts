import { readJson } from "@/lib/http/read-body";
import { z } from "zod";
import { issueApiToken, listApiTokens } from "@/lib/access/api-tokens";
import { authedRoute } from "@/lib/access/authed-route";
import { requireAccountOwner } from "@/lib/access/require-owner";
import { apiTokenScopeSchema } from "@/lib/vocabulary";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };
const tokenRequestSchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** "send": the token may also send replies (and retry, dismiss or cancel them) in this account. */
  scope: apiTokenScopeSchema.default("read"),
});

export const GET = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  await requireAccountOwner(viewer, id);
  return Response.json({ tokens: await listApiTokens(id) });
});

/** The token is in this answer and nowhere else, ever. Only owners make tokens, of either scope. */
export const POST = authedRoute(async (request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  await requireAccountOwner(viewer, id);
  const { name, scope } = await readJson(request, tokenRequestSchema);
  return Response.json(await issueApiToken(id, name, scope), { status: 201 });
});
