import { listConversations } from "@/lib/conversations";
import { routeHandler } from "@/lib/http/route-handler";
import { conversationListQuerySchema, searchParamsToObject } from "@/lib/validations/read-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = routeHandler(async (request: Request) => {
  const params = searchParamsToObject(new URL(request.url).searchParams, ["channel"]);
  const query = conversationListQuerySchema.parse(params);
  return Response.json(await listConversations(query));
});
