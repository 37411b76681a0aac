import { authedRoute } from "@/lib/access/authed-route";
import { listMembersInScope } from "@/lib/team/members";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The people of the viewer's accounts, each with the accounts they belong to: whom a bulk
// Assign can offer (someone who belongs to every selected conversation's account).
export const GET = authedRoute(async (_request: Request, _context: unknown, viewer) =>
  Response.json({ members: await listMembersInScope(viewer.scope) }),
);
