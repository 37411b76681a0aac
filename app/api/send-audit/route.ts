import { getPrisma } from "@/lib/db";
import { contractRoute } from "@/lib/contracts/contract-route";
import { sendAuditRoute } from "@/lib/contracts/events";
import { listSendAudit, requireSendAuditReader } from "@/lib/replies/audit-queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Who sent what, when, newest first: ?accountId=&limit=&cursor= (administrators and owners). */
export const GET = contractRoute(sendAuditRoute, async ({ query }, viewer) => {
  const db = await getPrisma();
  const reach = await requireSendAuditReader(db, viewer);
  return listSendAudit(db, reach, query);
});
