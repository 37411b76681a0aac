import { conversationExists } from "@/lib/conversations";
import { NotFoundError } from "@/lib/http/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { listMessages } from "@/lib/messages";
import { messageListQuerySchema, searchParamsToObject } from "@/lib/validations/read-api";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = routeHandler(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const query = messageListQuerySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  const page = await listMessages(id, query);
  // Only an empty page can mean "no such conversation": ask then, not on every page.
  if (page.messages.length === 0 && !(await conversationExists(id))) throw new NotFoundError("conversation");
  return Response.json(page);
});
