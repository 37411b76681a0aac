import { contractRoute } from "@/lib/contracts/contract-route";
import { sendAuditRoute } from "@/lib/contracts/events";
import { listSendAudit, requireSendAuditReader } from "@/lib/replies/audit-queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Who sent what, when, newest first: ?accountId=&limit=&cursor= (administrators and owners). */
export const GET = contractRoute(sendAuditRoute, async ({ query }, viewer) => {
  const reach = await requireSendAuditReader(viewer);
  return listSendAudit(reach, query);
});
