import { authedRoute } from "@/lib/access/authed-route";
import { listLabelsInScope } from "@/lib/team/labels";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The labels of every account the viewer reads: the list's label filter.
export const GET = authedRoute(async (_request: Request, _context: unknown, viewer) =>
  Response.json({ labels: await listLabelsInScope(viewer.scope) }),
);
