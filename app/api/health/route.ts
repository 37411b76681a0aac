import { getPrisma } from "@/lib/db";
import { routeHandler } from "@/lib/http/route-handler";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** For load balancers and start-up scripts: the app answers and reaches its database. Says nothing else. */
export const GET = routeHandler(async () => {
  await (await getPrisma()).$queryRaw`SELECT 1`;
  return Response.json({ status: "ok" });
});
