import { getPrisma } from "@/lib/db";
import { contractRoute } from "@/lib/contracts/contract-route";
import { changeTriageSettingsRoute, triageSettingsRoute } from "@/lib/contracts/settings";
import { changeTriageSettings, triageSettings } from "@/lib/triage/triage-settings";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The account's closing phrases and callback SLA (docs/triage-rules.md), for its owners. */
export const GET = contractRoute(triageSettingsRoute, async ({ params: { id } }, viewer) => {
  return triageSettings(await getPrisma(), viewer.scope, id);
});

/** An owner edits them; they apply to what arrives afterwards. */
export const PUT = contractRoute(changeTriageSettingsRoute, async ({ params: { id }, body: change }, viewer) => {
  return changeTriageSettings(await getPrisma(), viewer.scope, id, change);
});
