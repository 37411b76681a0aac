import { authedRoute } from "@/lib/access/authed-route";
import { requireAccountOwner } from "@/lib/access/require-owner";
import { readJson } from "@/lib/http/read-body";
import { changeTriageSettings, triageSettings, triageSettingsSchema } from "@/lib/triage/triage-settings";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The account's closing phrases and callback SLA (docs/triage-rules.md), for its owners. */
export const GET = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  await requireAccountOwner(viewer, id);
  return Response.json(await triageSettings(id));
});

/** An owner edits them; they apply to what arrives afterwards. */
export const PUT = authedRoute(async (request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  await requireAccountOwner(viewer, id);
  return Response.json(await changeTriageSettings(id, await readJson(request, triageSettingsSchema)));
});
