import { getPrisma } from "@/lib/db";
import { contractRoute } from "@/lib/contracts/contract-route";
import { reportRoute } from "@/lib/contracts/reports";
import { runReport } from "@/lib/reports";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/reports/<volume|first-response|calls|heatmap|agents>?from=&to=&tz=&account=
export const GET = contractRoute(reportRoute, async ({ params: { name }, query }, viewer) => {
  return runReport(await getPrisma(), viewer.scope, name, query);
});
