import { readJson } from "@/lib/http/read-body";
import { z } from "zod";
import { issueApiToken, listApiTokens } from "@/lib/access/api-tokens";
import { authedRoute } from "@/lib/access/authed-route";
import { requireAccountOwner } from "@/lib/access/require-owner";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };
const tokenRequestSchema = z.object({ name: z.string().trim().min(1).max(100) });

export const GET = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  await requireAccountOwner(viewer, id);
  return Response.json({ tokens: await listApiTokens(id) });
});

/** The token is in this answer and nowhere else, ever. */
export const POST = authedRoute(async (request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  await requireAccountOwner(viewer, id);
  const { name } = await readJson(request, tokenRequestSchema);
  return Response.json(await issueApiToken(id, name), { status: 201 });
});
