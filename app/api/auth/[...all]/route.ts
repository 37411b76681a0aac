import { getAuth } from "@/lib/access/server";
import { withSecureCookies } from "@/lib/access/secure-cookies";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  const auth = await getAuth();
  return withSecureCookies(request, await auth.handler(request));
}

export const GET = handle;
export const POST = handle;
