import { getPrisma } from "@/lib/db";
import { contractRoute } from "@/lib/contracts/contract-route";
import { membersInScopeRoute } from "@/lib/contracts/team";
import { listMembersInScope } from "@/lib/team/members";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The people of the viewer's accounts, each with the accounts they belong to: whom a bulk
// Assign can offer (someone who belongs to every selected conversation's account).
export const GET = contractRoute(membersInScopeRoute, async (_input, viewer) => ({
  members: await listMembersInScope(await getPrisma(), viewer.scope),
}));
