import { authedRoute } from "@/lib/access/authed-route";
import { getPrisma } from "@/lib/db";
import { countConversations } from "@/lib/inbox/conversation-counts";
import { conversationListFieldsSchema, searchParamsToObject } from "@/lib/inbox/validations";
import { readerOf } from "@/lib/triage/read-state";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The list's filters the counts follow (the same names and rules as the list's query).
const countsQuerySchema = conversationListFieldsSchema.pick({
  account: true,
  channel: true,
  direction: true,
  label: true,
  state: true,
});

// The view tabs' counts (All, Unread for the viewer, Needs reply, Callbacks, Done, …) in one call,
// following the list's active account, channel, direction and label filters and All's open/done choice.
export const GET = authedRoute(async (request: Request, _context: unknown, viewer) => {
  const filters = countsQuerySchema.parse(searchParamsToObject(new URL(request.url).searchParams, ["channel"]));
  return Response.json(await countConversations(await getPrisma(), viewer.scope, readerOf(viewer), filters));
});
