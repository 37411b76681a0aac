import { GET as getCounts } from "@/app/api/conversations/counts/route";
import { DELETE as reopenRoute, POST as doneRoute } from "@/app/api/conversations/[id]/done/route";
import { POST as readRoute } from "@/app/api/conversations/[id]/read/route";
import { POST as unreadRoute } from "@/app/api/conversations/[id]/unread/route";
import type { ConversationCounts } from "@/lib/inbox/conversation-counts";
import { adminCookie } from "./auth";
import type { Credentials } from "./read-api";
import { callRoute, type RouteHandler } from "./route-call";

// The triage routes' real handlers (read, unread, done, counts), as read-api.ts does for reads.

async function send(handler: RouteHandler, method: string, url: string, id: string, credentials?: Credentials) {
  return callRoute(handler, { method, url, id, headers: credentials ?? { cookie: await adminCookie() } });
}

export const markRead = (id: string, as?: Credentials) =>
  send(readRoute, "POST", `/api/conversations/${id}/read`, id, as);
export const markUnread = (id: string, as?: Credentials) =>
  send(unreadRoute, "POST", `/api/conversations/${id}/unread`, id, as);
export const markDone = (id: string, as?: Credentials) =>
  send(doneRoute, "POST", `/api/conversations/${id}/done`, id, as);
export const reopen = (id: string, as?: Credentials) =>
  send(reopenRoute, "DELETE", `/api/conversations/${id}/done`, id, as);

export async function viewCounts(as?: Credentials, query = ""): Promise<ConversationCounts> {
  const { status, body } = await send(getCounts, "GET", `/api/conversations/counts${query}`, "", as);
  if (status !== 200) throw new Error(`counts answered ${status}: ${JSON.stringify(body)}`);
  return body as unknown as ConversationCounts;
}
