import { authedRoute } from "@/lib/access/authed-route";
import { getPrisma } from "@/lib/db";
import { conversationInScope } from "@/lib/inbox/conversations";
import { NotFoundError } from "@/lib/http/errors";
import { listMessages } from "@/lib/inbox/messages";
import { messageListQuerySchema, searchParamsToObject } from "@/lib/inbox/validations";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = authedRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }, viewer) => {
  const { id } = await params;
  const query = messageListQuerySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  const db = await getPrisma();
  const page = await listMessages(db, viewer.scope, id, query);
  // Only an empty page can mean "no such conversation (for you)": ask then, not on every page.
  if (page.messages.length === 0 && !(await conversationInScope(db, viewer.scope, id)))
    throw new NotFoundError("conversation");
  return Response.json(page);
});
