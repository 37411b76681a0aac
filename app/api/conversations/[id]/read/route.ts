import { markConversationRead } from "@/lib/conversations";
import { NotFoundError } from "@/lib/http/errors";
import { routeHandler } from "@/lib/http/route-handler";

export const runtime = "nodejs";

export const POST = routeHandler(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (!(await markConversationRead(id))) throw new NotFoundError("conversation");
  return Response.json({ id, unreadCount: 0 });
});
