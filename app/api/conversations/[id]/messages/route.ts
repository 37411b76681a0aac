import { getPrisma } from "@/lib/db";
import { contractRoute } from "@/lib/contracts/contract-route";
import { conversationMessagesRoute } from "@/lib/contracts/conversations";
import { conversationInScope } from "@/lib/inbox/conversations";
import { NotFoundError } from "@/lib/http/errors";
import { listMessages } from "@/lib/inbox/messages";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = contractRoute(conversationMessagesRoute, async ({ params: { id }, query }, viewer) => {
  const db = await getPrisma();
  const page = await listMessages(db, viewer.scope, id, query);
  // Only an empty page can mean "no such conversation (for you)": ask then, not on every page.
  if (page.messages.length === 0 && !(await conversationInScope(db, viewer.scope, id)))
    throw new NotFoundError("conversation");
  return page;
});
