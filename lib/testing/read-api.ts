import { GET as getConversations } from "@/app/api/conversations/route";
import { GET as getConversation } from "@/app/api/conversations/[id]/route";
import { GET as getMessages } from "@/app/api/conversations/[id]/messages/route";
import type {
  ConversationDetail,
  ConversationPage,
  ConversationSummary,
  MessagePage,
} from "@/components/inbox-data/api-types";
import { adminCookie } from "./auth";
import { callRoute, type RouteHandler } from "./route-call";

// Calls the read API's real route handlers and returns status and JSON. Unless told who is
// asking, an administrator is (signed in for real through Better Auth).

export type Credentials = Record<string, string>;

async function call<T>(handler: RouteHandler, url: string, params?: Record<string, string>, credentials?: Credentials) {
  const headers = credentials ?? { cookie: await adminCookie() };
  return callRoute<T>(handler, { url, params, headers });
}

export type ErrorBody = { error: string };

export function listConversations(query = "", credentials?: Credentials) {
  return call<ConversationPage & Partial<ErrorBody>>(
    getConversations,
    `/api/conversations${query ? `?${query}` : ""}`,
    undefined,
    credentials,
  );
}

export function conversationDetail(id: string, credentials?: Credentials, query = "") {
  return call<ConversationDetail & Partial<ErrorBody>>(
    getConversation,
    `/api/conversations/${id}${query ? `?${query}` : ""}`,
    { id },
    credentials,
  );
}

export function conversationMessages(id: string, query = "", credentials?: Credentials) {
  return call<MessagePage & Partial<ErrorBody>>(
    getMessages,
    `/api/conversations/${id}/messages${query ? `?${query}` : ""}`,
    { id },
    credentials,
  );
}

/** The conversation whose provider id is externalId, from the list API. */
export async function conversationByExternalId(externalId: string): Promise<ConversationSummary> {
  const { body } = await listConversations("limit=200");
  const found = body.conversations.find((conversation) => conversation.externalId === externalId);
  if (!found) throw new Error(`no conversation ${externalId}`);
  return found;
}
