import { authedRoute } from "@/lib/access/authed-route";
import { markConversationRead } from "@/lib/inbox/conversations";
import { NotFoundError } from "@/lib/http/errors";

export const runtime = "nodejs";

export const POST = authedRoute(async (_request: Request, { params }: { params: Promise<{ id: string }> }, viewer) => {
  const { id } = await params;
  if (!(await markConversationRead(id, viewer.scope))) throw new NotFoundError("conversation");
  return Response.json({ id, unreadCount: 0 });
});
