import { contractRoute } from "@/lib/contracts/contract-route";
import { jobQueueRoute } from "@/lib/contracts/events";
import { getPrisma } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { jobQueueHealth } from "@/lib/jobs/health";
import { sendAuditReach } from "@/lib/replies/audit-queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The job queue per kind (depth, oldest wait, failures): administrators and account owners. */
export const GET = contractRoute(jobQueueRoute, async (_input, person) => {
  const reach = await sendAuditReach(await getPrisma(), person);
  if (!reach) throw new HttpError(403, "the job queue is for administrators and account owners");
  return { kinds: await jobQueueHealth(await getPrisma(), reach) };
});
