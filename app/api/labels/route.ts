import { getPrisma } from "@/lib/db";
import { contractRoute } from "@/lib/contracts/contract-route";
import { labelsInScopeRoute } from "@/lib/contracts/team";
import { listLabelsInScope } from "@/lib/team/labels";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The labels of every account the viewer reads: the list's label filter.
export const GET = contractRoute(labelsInScopeRoute, async (_input, viewer) => ({
  labels: await listLabelsInScope(await getPrisma(), viewer.scope),
}));
