import { accountOwnerRoute } from "@/lib/access/account-owner-route";
import { getPrisma } from "@/lib/db";
import { readJson } from "@/lib/http/read-body";
import { changeTriageSettings, triageSettings, triageSettingsSchema } from "@/lib/triage/triage-settings";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The account's closing phrases and callback SLA (docs/triage-rules.md), for its owners. */
export const GET = accountOwnerRoute(async (_request: Request, { accountId: id, owner }) => {
  return Response.json(await triageSettings(await getPrisma(), owner.scope, id));
});

/** An owner edits them; they apply to what arrives afterwards. */
export const PUT = accountOwnerRoute(async (request: Request, { accountId: id, owner }) => {
  const change = await readJson(request, triageSettingsSchema);
  return Response.json(await changeTriageSettings(await getPrisma(), owner.scope, id, change));
});
