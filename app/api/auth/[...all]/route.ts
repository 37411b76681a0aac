import { handleAuthRequest } from "@/lib/access/authentication/auth-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = handleAuthRequest;
export const POST = handleAuthRequest;
