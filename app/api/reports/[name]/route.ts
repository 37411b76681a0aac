import { authedRoute } from "@/lib/access/authed-route";
import { getPrisma } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";
import { searchParamsToObject } from "@/lib/inbox/validations";
import { runReport } from "@/lib/reports";
import { reportNameSchema, reportQuerySchema } from "@/lib/reports/validations";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/reports/<volume|first-response|calls|heatmap|agents>?from=&to=&tz=&account=
export const GET = authedRoute(async (request: Request, context: { params: Promise<{ name: string }> }, viewer) => {
  const name = reportNameSchema.safeParse((await context.params).name);
  if (!name.success) throw new NotFoundError("report");
  const query = reportQuerySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  return Response.json(await runReport(await getPrisma(), viewer.scope, name.data, query));
});
