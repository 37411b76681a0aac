import { findConversationCustomerId } from "@/lib/conversations";
import { NotFoundError } from "@/lib/http/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { listMessages } from "@/lib/messages";
import { messageListQuerySchema, searchParamsToObject } from "@/lib/validations/read-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = routeHandler(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const query = messageListQuerySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  if (!(await findConversationCustomerId(id))) throw new NotFoundError("conversation");
  return Response.json(await listMessages(id, query));
});
