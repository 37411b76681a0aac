import { z } from "zod";
import type { listAccountsInScope } from "@/lib/access/people/memberships";
import type { ConversationCounts } from "@/lib/inbox/conversation-counts";
import type { ConversationSummary } from "@/lib/inbox/conversation-rows";
import type { CustomerDetail } from "@/lib/inbox/customers";
import type { CustomerRecords } from "@/lib/inbox/customer-records";
import type { MessageView } from "@/lib/inbox/messages";
import type { OpportunitySummary } from "@/lib/inbox/opportunities";
import {
  conversationListFieldsSchema,
  conversationListQuerySchema,
  messageListQuerySchema,
} from "@/lib/inbox/validations";
import type { CustomerConsent } from "@/lib/replies/consent";
import type { ReplyOptions } from "@/lib/replies/options";
import type { ConversationTeam } from "@/lib/team/conversation-team";
import { defineRoute, responds } from "./define-route";

// The inbox's read API and the viewer's own marks on a conversation (read, unread, done).

/** A path with one id in it: a conversation's, a reply's, an event's, an account's. */
export const idParams = z.object({ id: z.string() });

export interface ConversationPage {
  conversations: ConversationSummary[];
  nextCursor: string | null;
}

export interface MessagePage {
  messages: MessageView[];
  nextCursor: string | null;
}

/** With whether the business may write to them on each channel, and why not. */
export type Customer = CustomerDetail & { consent: CustomerConsent };

export interface ConversationDetail {
  conversation: ConversationSummary;
  customer: Customer | null;
  opportunities: readonly OpportunitySummary[];
  records: CustomerRecords;
  reply: ReplyOptions;
  team: ConversationTeam;
  /** The thread's newest page, when asked for (`?messages=latest`): opening a thread is one request. */
  messages?: MessagePage;
}

export const listConversationsRoute = defineRoute({
  method: "GET",
  path: "/api/conversations",
  query: conversationListQuerySchema,
  queryArrays: ["channel"],
  role: "member",
  response: responds<ConversationPage>(),
});

/** The view tabs' counts follow the list's account, channel, direction and label filters and All's open/done. */
export const conversationCountsRoute = defineRoute({
  method: "GET",
  path: "/api/conversations/counts",
  query: conversationListFieldsSchema.pick({ account: true, channel: true, direction: true, label: true, state: true }),
  queryArrays: ["channel"],
  role: "member",
  response: responds<ConversationCounts>(),
});

/** How many messages the newest page has, whether it comes with the detail or on its own. */
export const MESSAGE_PAGE_SIZE = 50;

export const conversationDetailRoute = defineRoute({
  method: "GET",
  path: "/api/conversations/:id",
  params: idParams,
  query: z.object({ messages: z.literal("latest").optional() }),
  role: "member",
  response: responds<ConversationDetail>(),
});

export const conversationMessagesRoute = defineRoute({
  method: "GET",
  path: "/api/conversations/:id/messages",
  params: idParams,
  query: messageListQuerySchema,
  role: "member",
  response: responds<MessagePage>(),
});

/** Read for the signed-in person only; `mentionsSeen`: the notes' mentions of them it saw. */
export const markReadRoute = defineRoute({
  method: "POST",
  path: "/api/conversations/:id/read",
  params: idParams,
  role: "member",
  response: responds<{ id: string; unreadCount: 0; mentionsSeen: number }>(),
});

/** Unread again for the signed-in person only, until they open it. */
export const markUnreadRoute = defineRoute({
  method: "POST",
  path: "/api/conversations/:id/unread",
  params: idParams,
  role: "member",
  response: responds<{ id: string; unread: true }>(),
});

export const markDoneRoute = defineRoute({
  method: "POST",
  path: "/api/conversations/:id/done",
  params: idParams,
  role: "member",
  response: responds<{ id: string; done: boolean }>(),
});

export const reopenRoute = defineRoute({ ...markDoneRoute, method: "DELETE" });

export type AccountOption = Awaited<ReturnType<typeof listAccountsInScope>>[number];

/** The accounts the viewer may read, by display name (the account filter). */
export const listAccountsRoute = defineRoute({
  method: "GET",
  path: "/api/accounts",
  role: "member",
  response: responds<{ accounts: AccountOption[] }>(),
});
