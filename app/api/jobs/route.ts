import { authedRoute } from "@/lib/access/authed-route";
import { getPrisma } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { jobQueueHealth } from "@/lib/jobs/health";
import { sendAuditReach } from "@/lib/replies/audit-queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The job queue per kind (depth, oldest wait, failures): administrators and account owners. */
export const GET = authedRoute(async (_request: Request, _context: unknown, viewer) => {
  if (viewer.kind !== "user") throw new HttpError(403, "the job queue is for signed-in people, not API tokens");
  const reach = await sendAuditReach(viewer);
  if (!reach) throw new HttpError(403, "the job queue is for administrators and account owners");
  return Response.json({ kinds: await jobQueueHealth(await getPrisma(), reach) });
});
