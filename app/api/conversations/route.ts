import { readerOf } from "@/lib/triage/read-state";
import { getPrisma } from "@/lib/db";
import { authedRoute } from "@/lib/access/authed-route";
import { listConversations } from "@/lib/inbox/conversations";
import { conversationListQuerySchema, searchParamsToObject } from "@/lib/inbox/validations";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = authedRoute(async (request: Request, _context: unknown, viewer) => {
  const params = searchParamsToObject(new URL(request.url).searchParams, ["channel"]);
  const query = conversationListQuerySchema.parse(params);
  return Response.json(await listConversations(await getPrisma(), viewer.scope, query, readerOf(viewer)));
});
