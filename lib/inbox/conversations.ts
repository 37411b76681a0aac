import { accountCondition, accountWhere, type AccountScope } from "@/lib/access/scope";
import { kindsForFilter } from "@/lib/vocabulary";
import type { Db } from "@/lib/db/client";
import { preparedRows } from "@/lib/db/prepared";
import { Prisma } from "@/lib/generated/prisma/client";
import { decodeCursor, encodeCursor } from "@/lib/inbox/pagination";
import { searchHits, searchPlan } from "@/lib/inbox/conversation-search";
import type { ConversationListQuery } from "@/lib/inbox/validations";
import { matchingMessageJoin } from "@/lib/inbox/matching-preview";
import type { ReaderId } from "@/lib/triage/read-state";
import { missed } from "@/lib/triage/rules";
import { keysetCondition, labelCondition, orderBy, type ViewPlan, viewPlan } from "@/lib/inbox/conversation-views";
import {
  type ConversationRow,
  type ConversationSummary,
  selectSummary,
  summaryRows,
  toSummary,
} from "@/lib/inbox/conversation-rows";

// Conversation queries for the read API. The list is raw SQL: array-overlap filters,
// full-text search and row-value keyset pagination are what make it fast at scale.

/** Who asks: the accounts they may read and whose read state applies (lib/triage/read-state.ts). */
export interface ConversationReader {
  scope: AccountScope;
  readerId: ReaderId;
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
  // Which conversations, in order (planned for its values: a search's plan depends on them), then
  // their rows by id, a statement whose text repeats and whose plan PostgreSQL keeps.
  const matched = await db.$queryRaw<Array<{ id: string }>>`
    ${search?.with ?? Prisma.empty}
    SELECT c.id FROM conversations c
    WHERE ${search?.where ?? filters}
    ORDER BY ${orderBy(plan)}
    LIMIT ${query.limit + 1}`;
  const rows = await summaryRows(
    db,
    scope,
    readerId,
    matched.map(({ id }) => id),
    filtered ? matchingMessageJoin(query.channel, query.direction ?? null) : undefined,
  );
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
  const rows = await preparedRows<ConversationRow>(
    db,
    Prisma.sql`${selectSummary(readerId)} WHERE c.id = ${id} AND ${accountCondition(scope, Prisma.sql`c.account_id`)}`,
  );
  return rows[0] ? toSummary(rows[0]) : null;
}

export async function conversationInScope(db: Db, scope: AccountScope, id: string): Promise<boolean> {
  return (await db.conversation.count({ where: { id, ...accountWhere(scope) } })) === 1;
}
