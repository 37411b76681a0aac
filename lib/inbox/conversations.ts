import { accountCondition, accountWhere, type AccountScope } from "@/lib/access/scope";
import {
  channelSchema,
  channelsFromKinds,
  directionSchema,
  kindsForFilter,
  type Channel,
  type Direction,
} from "@/lib/vocabulary";
import { getPrisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { fullName } from "@/lib/normalize/contact";
import { decodeCursor, encodeCursor } from "@/lib/inbox/pagination";
import { searchPlan } from "@/lib/inbox/conversation-search";
import type { ConversationListQuery } from "@/lib/inbox/validations";

// Conversation queries for the read API. The list is raw SQL: array-overlap filters,
// full-text search and row-value keyset pagination are what make it fast at scale.

interface ConversationRow {
  id: string;
  external_id: string;
  provider: string;
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
  unread_count: number;
}

export interface ConversationSummary {
  id: string;
  externalId: string;
  provider: string;
  customer: { id: string; name: string | null; phone: string | null; email: string | null } | null;
  channels: Channel[];
  /** `sentAt` is the provider's time of the newest message; `createdAt` the same, kept one release. */
  lastMessage: {
    channel: Channel;
    direction: Direction;
    preview: string | null;
    sentAt: string;
    createdAt: string;
  } | null;
  lastMessageAt: string | null;
  unreadCount: number;
}

const SELECT_SUMMARY = Prisma.sql`
  SELECT c.id, c.external_id, a.provider, c.customer_id, cu.name, cu.first_name, cu.last_name,
         cu.phone, cu.email, c.message_kinds, c.last_message_preview, c.last_message_channel,
         c.last_message_direction, c.last_message_at, c.unread_count
  FROM conversations c
  JOIN accounts a ON a.id = c.account_id
  LEFT JOIN customers cu ON cu.id = c.customer_id`;

function toSummary(row: ConversationRow): ConversationSummary {
  return {
    id: row.id,
    externalId: row.external_id,
    provider: row.provider,
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
      row.last_message_at && row.last_message_channel
        ? {
            channel: channelSchema.parse(row.last_message_channel),
            direction: directionSchema.parse(row.last_message_direction),
            preview: row.last_message_preview,
            sentAt: row.last_message_at.toISOString(),
            createdAt: row.last_message_at.toISOString(),
          }
        : null,
    lastMessageAt: row.last_message_at?.toISOString() ?? null,
    unreadCount: row.unread_count,
  };
}

export async function listConversations(query: ConversationListQuery, scope: AccountScope) {
  const prisma = await getPrisma();
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const filtered = query.channel.length > 0 || query.direction;
  const conditions = [
    filtered
      ? Prisma.sql`AND c.message_kinds && ${kindsForFilter(query.channel, query.direction ?? null)}::text[]`
      : Prisma.empty,
    query.unread ? Prisma.sql`AND c.unread_count > 0` : Prisma.empty,
    query.customerId ? Prisma.sql`AND c.customer_id = ${query.customerId}` : Prisma.empty,
    cursor ? Prisma.sql`AND (c.last_message_at, c.id) < (${cursor.at}, ${cursor.id})` : Prisma.empty,
  ];
  const filters = Prisma.sql`c.last_message_at IS NOT NULL AND ${accountCondition(scope, Prisma.sql`c.account_id`)} ${Prisma.join(conditions, " ")}`;
  const search = query.q ? await searchPlan(query.q, filters, query.limit + 1) : null;
  const rows = await prisma.$queryRaw<ConversationRow[]>`
    ${search?.with ?? Prisma.empty}
    ${SELECT_SUMMARY}
    WHERE ${search?.where ?? filters}
    ORDER BY c.last_message_at DESC, c.id DESC
    LIMIT ${query.limit + 1}`;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    conversations: page.map(toSummary),
    nextCursor:
      rows.length > query.limit && last?.last_message_at
        ? encodeCursor({ at: last.last_message_at, id: last.id })
        : null,
  };
}

// Outside the scope is the same as not there: another account's id answers 404, never 403,
// so ids cannot be probed.

export async function findConversationSummary(id: string, scope: AccountScope): Promise<ConversationSummary | null> {
  const prisma = await getPrisma();
  const rows = await prisma.$queryRaw<ConversationRow[]>`
    ${SELECT_SUMMARY} WHERE c.id = ${id} AND ${accountCondition(scope, Prisma.sql`c.account_id`)}`;
  return rows[0] ? toSummary(rows[0]) : null;
}

export async function conversationInScope(id: string, scope: AccountScope): Promise<boolean> {
  const prisma = await getPrisma();
  return (await prisma.conversation.count({ where: { id, ...accountWhere(scope) } })) === 1;
}

/** Opening a conversation marks it read. False when there is no such conversation in scope. */
export async function markConversationRead(id: string, scope: AccountScope): Promise<boolean> {
  const prisma = await getPrisma();
  const { count } = await prisma.conversation.updateMany({
    where: { id, ...accountWhere(scope) },
    data: { unreadCount: 0 },
  });
  return count === 1;
}
