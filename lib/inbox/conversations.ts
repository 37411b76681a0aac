import { accountDisplayName } from "@/lib/access/people/account-names";
import { accountCondition, accountWhere, type AccountScope } from "@/lib/access/scope";
import {
  channelSchema,
  channelsFromKinds,
  directionSchema,
  kindsForFilter,
  labelColorSchema,
  type Channel,
  type Direction,
} from "@/lib/vocabulary";
import type { Db } from "@/lib/db/client";
import { isoOrNull } from "@/lib/db/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { fullName } from "@/lib/normalize/contact";
import { decodeCursor, encodeCursor } from "@/lib/inbox/pagination";
import { type SearchHit, searchHits, searchPlan } from "@/lib/inbox/conversation-search";
import type { ConversationListQuery } from "@/lib/inbox/validations";
import { matchingLastMessage, matchingMessageJoin, type MatchingMessageColumns } from "@/lib/inbox/matching-preview";
import type { ReaderId } from "@/lib/triage/read-state";
import { missed } from "@/lib/triage/rules";
import {
  keysetCondition,
  labelCondition,
  orderBy,
  triageColumns,
  type ViewPlan,
  viewPlan,
} from "@/lib/inbox/conversation-views";
import type { LabelView } from "@/lib/team/labels";

// Conversation queries for the read API. The list is raw SQL: array-overlap filters,
// full-text search and row-value keyset pagination are what make it fast at scale.

interface ConversationRow extends MatchingMessageColumns {
  id: string;
  external_id: string;
  provider: string;
  account_id: string;
  account_external_id: string;
  account_name: string | null;
  account_display_name: string | null;
  customer_id: string | null;
  name: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  email: string | null;
  message_kinds: string[] | null;
  last_message_preview: string | null;
  last_message_channel: string | null;
  last_message_direction: string | null;
  last_message_at: Date | null;
  last_message_id: string | null;
  viewer_unread_count: number;
  awaiting_reply_since: Date | null;
  callback_since: Date | null;
  done_at: Date | null;
  done: boolean;
  snoozed_until: Date | null;
  snooze_key: Date | null;
  assignee_id: string | null;
  assignee_name: string | null;
  labels: Array<{ id: string; name: string; color: string }>;
  callback_recording: { id: string; url: string; kind: string; playable: boolean } | null;
  callback_texted_back: boolean | null;
  callback_due_at: Date | null;
  callback_urgent: boolean | null;
  last_closing: boolean | null;
}

/** Who asks: the accounts they may read and whose read state applies (lib/triage/read-state.ts). */
export interface ConversationReader {
  scope: AccountScope;
  readerId: ReaderId;
}

export interface ConversationSummary {
  id: string;
  externalId: string;
  provider: string;
  /** The account it belongs to, by the name people know it by (see lib/access/people/account-names.ts). */
  account: { id: string; name: string };
  customer: { id: string; name: string | null; phone: string | null; email: string | null } | null;
  channels: Channel[];
  /** `sentAt` is the provider's time of the newest message; `createdAt` the same, kept one release. */
  lastMessage: {
    channel: Channel;
    direction: Direction;
    preview: string | null;
    sentAt: string | null;
    createdAt: string | null;
  } | null;
  lastMessageAt: string | null;
  /** The newest message's id: the composer tells its own sends from new activity by it. */
  lastMessageId: string | null;
  /** Unread customer messages for the viewer (their own read state; a token's is HighLevel's). */
  unreadCount: number;
  /** Needs reply: the first customer message not yet answered, or null. */
  awaitingReplySince: string | null;
  /**
   * Callbacks: the first missed call or voicemail not yet returned, when the callback is due,
   * whether a Voice AI call made it urgent, its recording, and whether an SMS followed.
   */
  callback: {
    since: string;
    dueAt: string;
    urgent: boolean;
    recording: { id: string; url: string; kind: string; mediaUrl: string | null } | null;
    textedBack: boolean;
  } | null;
  /** The customer's newest message only closed the exchange ("Thanks 👍"): nobody owes a reply; done is one key away. */
  closedByCustomer: boolean;
  /** Done for the account (until the customer writes or calls again). */
  done: boolean;
  doneAt: string | null;
  /** Who on the team has it (Assign), or null. */
  assignee: { id: string; name: string } | null;
  /** Snoozed until then (out of every view but Snoozed), or null. */
  snoozedUntil: string | null;
  /** The account's labels on it, by name. */
  labels: LabelView[];
  /** With a search: the newest matching message (open the thread there), and a transcript excerpt. */
  searchHit?: SearchHit | null;
}

/** A list row; `matching` adds the newest message that matches the list's filters (its preview). */
function selectSummary(reader: ReaderId, matching?: { columns: Prisma.Sql; join: Prisma.Sql }) {
  return Prisma.sql`
  SELECT c.id, c.external_id, a.provider, c.account_id, a.external_id AS account_external_id,
         a.name AS account_name, a.display_name AS account_display_name, c.customer_id, cu.name, cu.first_name, cu.last_name,
         cu.phone, cu.email, c.message_kinds, c.last_message_preview, c.last_message_channel,
         c.last_message_direction, c.last_message_at, c.last_message_id ${triageColumns(reader)} ${matching?.columns ?? Prisma.empty}
  FROM conversations c
  JOIN accounts a ON a.id = c.account_id
  LEFT JOIN customers cu ON cu.id = c.customer_id
  ${matching?.join ?? Prisma.empty}`;
}

function toSummary(row: ConversationRow): ConversationSummary {
  return {
    id: row.id,
    externalId: row.external_id,
    provider: row.provider,
    account: {
      id: row.account_id,
      name: accountDisplayName({
        provider: row.provider,
        externalId: row.account_external_id,
        name: row.account_name,
        displayName: row.account_display_name,
      }),
    },
    customer: row.customer_id
      ? {
          id: row.customer_id,
          name: row.name ?? fullName(row.first_name, row.last_name),
          phone: row.phone,
          email: row.email,
        }
      : null,
    channels: channelsFromKinds(row.message_kinds ?? []),
    lastMessage:
      matchingLastMessage(row) ??
      (row.last_message_at && row.last_message_channel
        ? {
            channel: channelSchema.parse(row.last_message_channel),
            direction: directionSchema.parse(row.last_message_direction),
            preview: row.last_message_preview,
            sentAt: isoOrNull(row.last_message_at),
            createdAt: isoOrNull(row.last_message_at),
          }
        : null),
    lastMessageAt: isoOrNull(row.last_message_at),
    lastMessageId: row.last_message_id,
    unreadCount: row.viewer_unread_count,
    awaitingReplySince: isoOrNull(row.awaiting_reply_since),
    callback: row.callback_since
      ? {
          since: row.callback_since.toISOString(),
          dueAt: (row.callback_due_at ?? row.callback_since).toISOString(),
          urgent: Boolean(row.callback_urgent),
          recording: row.callback_recording && {
            id: row.callback_recording.id,
            url: row.callback_recording.url,
            kind: row.callback_recording.kind,
            mediaUrl: row.callback_recording.playable ? `/api/media/${row.callback_recording.id}` : null,
          },
          textedBack: Boolean(row.callback_texted_back),
        }
      : null,
    closedByCustomer: Boolean(row.last_closing) && !row.awaiting_reply_since && !row.done,
    done: row.done,
    doneAt: isoOrNull(row.done_at),
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? "" } : null,
    snoozedUntil: isoOrNull(row.snoozed_until),
    labels: row.labels.map((label) => ({ ...label, color: labelColorSchema.catch("slate").parse(label.color) })),
  };
}

/** Conversations with a missed inbound call or voicemail on a day of the viewer's zone (one index range per conversation). */
function missedOnCondition({ missedOn, tz }: ConversationListQuery): Prisma.Sql {
  if (!missedOn || !tz) return Prisma.empty;
  return Prisma.sql`AND EXISTS (SELECT 1 FROM messages mo WHERE mo.conversation_id = c.id AND ${missed(Prisma.sql`mo`)}
    AND mo.sent_at >= ((${missedOn}::date)::timestamp AT TIME ZONE ${tz})
    AND mo.sent_at < ((${missedOn}::date + 1)::timestamp AT TIME ZONE ${tz}))`;
}

/** The list's WHERE without paging: every filter of the query, in the reader's scope. */
export function listFilters(
  query: ConversationListQuery,
  { scope }: Pick<ConversationReader, "scope">,
  plan: ViewPlan,
  cursor: { at: Date; id: string } | null = null,
): Prisma.Sql {
  const filtered = query.channel.length > 0 || query.direction;
  const conditions = [
    filtered
      ? Prisma.sql`AND c.message_kinds && ${kindsForFilter(query.channel, query.direction ?? null)}::text[]`
      : Prisma.empty,
    ...plan.conditions,
    query.customerId ? Prisma.sql`AND c.customer_id = ${query.customerId}` : Prisma.empty,
    labelCondition(query.label),
    query.account ? Prisma.sql`AND c.account_id = ${query.account}` : Prisma.empty,
    missedOnCondition(query),
    cursor ? keysetCondition(plan, cursor) : Prisma.empty,
  ];
  return Prisma.sql`c.last_message_at IS NOT NULL AND ${accountCondition(scope, Prisma.sql`c.account_id`)} ${Prisma.join(conditions, " ")}`;
}

export async function listConversations(db: Db, scope: AccountScope, query: ConversationListQuery, readerId: ReaderId) {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const plan = viewPlan(query, readerId);
  const filtered = query.channel.length > 0 || query.direction;
  const filters = listFilters(query, { scope }, plan, cursor);
  const search = query.q ? await searchPlan(db, scope, query.q, filters, query.limit + 1, orderBy(plan)) : null;
  const rows = await db.$queryRaw<ConversationRow[]>`
    ${search?.with ?? Prisma.empty}
    ${selectSummary(readerId, filtered ? matchingMessageJoin(query.channel, query.direction ?? null) : undefined)}
    WHERE ${search?.where ?? filters}
    ORDER BY ${orderBy(plan)}
    LIMIT ${query.limit + 1}`;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const lastKey =
    query.view === "needs-reply"
      ? last?.awaiting_reply_since
      : query.view === "callbacks"
        ? last?.callback_due_at
        : query.view === "snoozed"
          ? last?.snooze_key
          : last?.last_message_at;
  const hits = query.q
    ? await searchHits(
        db,
        scope,
        page.map((row) => row.id),
        query.q,
        search?.commonWord,
        search?.messageHits,
      )
    : null;
  return {
    conversations: page.map((row) =>
      hits ? { ...toSummary(row), searchHit: hits.get(row.id) ?? null } : toSummary(row),
    ),
    nextCursor: rows.length > query.limit && last && lastKey ? encodeCursor({ at: lastKey, id: last.id }) : null,
  };
}

// Outside the scope is the same as not there: another account's id answers 404, never 403,
// so ids cannot be probed.

export async function findConversationSummary(
  db: Db,
  scope: AccountScope,
  id: string,
  readerId: ReaderId,
): Promise<ConversationSummary | null> {
  const rows = await db.$queryRaw<ConversationRow[]>`
    ${selectSummary(readerId)} WHERE c.id = ${id} AND ${accountCondition(scope, Prisma.sql`c.account_id`)}`;
  return rows[0] ? toSummary(rows[0]) : null;
}

export async function conversationInScope(db: Db, scope: AccountScope, id: string): Promise<boolean> {
  return (await db.conversation.count({ where: { id, ...accountWhere(scope) } })) === 1;
}
