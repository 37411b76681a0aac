import { authedRoute } from "@/lib/access/authed-route";
import { searchParamsToObject } from "@/lib/inbox/validations";
import { listSendAudit, requireSendAuditReader } from "@/lib/replies/audit-queries";
import { sendAuditQuerySchema } from "@/lib/replies/audit-types";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Who sent what, when, newest first: ?accountId=&limit=&cursor= (administrators and owners). */
export const GET = authedRoute(async (request: Request, _context: unknown, viewer) => {
  const reach = await requireSendAuditReader(viewer);
  const query = sendAuditQuerySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  return Response.json(await listSendAudit(reach, query));
});
