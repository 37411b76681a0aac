import { GET as getCounts } from "@/app/api/conversations/counts/route";
import { DELETE as reopenRoute, POST as doneRoute } from "@/app/api/conversations/[id]/done/route";
import { POST as readRoute } from "@/app/api/conversations/[id]/read/route";
import { POST as unreadRoute } from "@/app/api/conversations/[id]/unread/route";
import type { ConversationCounts } from "@/lib/inbox/conversation-counts";
import { adminCookie } from "./auth";
import type { Credentials } from "./read-api";

// The triage routes' real handlers (read, unread, done, counts), as read-api.ts does for reads.

type Handler = (request: Request, context: never) => Promise<Response>;

async function send(handler: Handler, method: string, url: string, id: string, credentials?: Credentials) {
  // Same-origin, as the browser sends it (the CSRF check refuses cross-site writes).
  const headers = { origin: "http://localhost", ...(credentials ?? { cookie: await adminCookie() }) };
  const response = await handler(new Request(`http://localhost${url}`, { method, headers }), {
    params: Promise.resolve({ id }),
  } as never);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
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
