import { getPrisma } from "@/lib/db";
import { contractRoute } from "@/lib/contracts/contract-route";
import { conversationCountsRoute } from "@/lib/contracts/conversations";
import { countConversations } from "@/lib/inbox/conversation-counts";
import { readerOf } from "@/lib/triage/read-state";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The view tabs' counts (All, Unread for the viewer, Needs reply, Callbacks, Done, …) in one call,
// following the list's active account, channel, direction and label filters and All's open/done choice.
export const GET = contractRoute(conversationCountsRoute, async ({ query: filters }, viewer) => {
  return countConversations(await getPrisma(), viewer.scope, readerOf(viewer), filters);
});
