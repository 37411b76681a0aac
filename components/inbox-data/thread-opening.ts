import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import { fetchConversationDetail, fetchConversationOpening, fetchMessages } from "./api-client";
import type { ConversationDetail, MessagePage } from "./api-types";
import { queryKeys } from "./query-keys";

// Opening a conversation needs two things, its detail (header, customer panel, composer) and its
// newest page of messages, under two query keys. When neither is cached they come in one request
// (GET /api/conversations/:id?messages=latest) whichever query asks first; each query alone (a
// refetch, older pages) uses its own route. Concurrent asks for one conversation share the request.

const { conversation: detailKey, messages: messagesKey } = queryKeys;

const inFlight = new Map<string, Promise<ConversationDetail>>();

/** Shared between the two queries, so not cancelled by either (no signal): the other still wants it. */
function fetchOpening(id: string): Promise<ConversationDetail> {
  let pending = inFlight.get(id);
  if (!pending) {
    pending = fetchConversationOpening(id).finally(() => inFlight.delete(id));
    inFlight.set(id, pending);
  }
  return pending;
}

const firstPages = (page: MessagePage): InfiniteData<MessagePage, string | null> => ({
  pages: [page],
  pageParams: [null],
});

/** The detail query's function: with the newest page too when the thread has none cached. */
export async function loadDetail(client: QueryClient, id: string, signal?: AbortSignal): Promise<ConversationDetail> {
  if (client.getQueryData(messagesKey(id)) !== undefined) return fetchConversationDetail(id, signal);
  const { messages, ...detail } = await fetchOpening(id);
  // Only into an empty thread: older pages the reader has loaded meanwhile stay.
  if (messages && client.getQueryData(messagesKey(id)) === undefined)
    client.setQueryData(messagesKey(id), firstPages(messages));
  return detail;
}

/** The thread's pages' function: its newest page with the detail when the detail is not cached. */
export async function loadMessages(
  client: QueryClient,
  id: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<MessagePage> {
  if (cursor === null && client.getQueryData(detailKey(id)) === undefined) {
    const { messages, ...detail } = await fetchOpening(id);
    if (client.getQueryData(detailKey(id)) === undefined) client.setQueryData(detailKey(id), detail);
    if (messages) return messages;
  }
  return fetchMessages(id, cursor, signal);
}
