import { accountCondition, type AccountScope } from "@/lib/access/scope";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { labelCondition, mentionsOf, viewPlan } from "@/lib/inbox/conversation-views";
import type { ConversationReader } from "@/lib/inbox/conversations";
import type { ReaderId } from "@/lib/triage/read-state";
import type { ConversationListQuery, TriageView } from "@/lib/inbox/validations";
import { kindsForFilter } from "@/lib/vocabulary";

// Every view's count, for the view tabs. Needs reply and Callbacks count their
// partial indexes (only the conversations in them); each count is its own statement so each
// gets its own plan. The counts follow the list's active filters (account, channel, direction,
// label, and for All and Unread the open/done choice), so a tab's number is what it would show.

/** The list filters the counts follow; none given counts everything. */
export type CountFilters = Partial<
  Pick<ConversationListQuery, "account" | "channel" | "direction" | "label" | "state">
>;

export interface ConversationCounts {
  all: number;
  unread: number;
  needsReply: number;
  callbacks: number;
  notDelivered: number;
  done: number;
  mine: number;
  unassigned: number;
  snoozed: number;
  /** Conversations with a mention of the viewer not seen yet. */
  mentions: number;
}

function countSql({ scope, readerId }: ConversationReader, filters: CountFilters, view?: TriageView) {
  const { account, channel = [], direction, label } = filters;
  const base = Prisma.sql`c.last_message_at IS NOT NULL AND ${accountCondition(scope, Prisma.sql`c.account_id`)}
    ${account ? Prisma.sql`AND c.account_id = ${account}` : Prisma.empty}
    ${channel.length > 0 || direction ? Prisma.sql`AND c.message_kinds && ${kindsForFilter(channel, direction ?? null)}::text[]` : Prisma.empty}
    ${labelCondition(label)}`;
  // The open/done choice is All's and Unread's; the other views fix it.
  const state = view === undefined || view === "unread" ? (filters.state ?? "all") : "all";
  const plan = viewPlan({ view, state, unread: false }, readerId);
  // Mentions counts what is new: the mentions not yet seen.
  if (view === "mentions") plan.conditions.push(Prisma.sql`AND ${mentionsOf(readerId, true)}`);
  return Prisma.sql`(SELECT count(*)::int FROM conversations c WHERE ${base} ${Prisma.join([Prisma.empty, ...plan.conditions], " ")})`;
}

/** The views counted, in the answer's names. */
const COUNTED = {
  all: undefined,
  unread: "unread",
  needsReply: "needs-reply",
  callbacks: "callbacks",
  notDelivered: "not-delivered",
  done: "done",
  mine: "mine",
  unassigned: "unassigned",
  snoozed: "snoozed",
  mentions: "mentions",
} as const satisfies Record<keyof ConversationCounts, TriageView | undefined>;

/**
 * Each count is its own statement, one after another on one connection's turn at a time: at 1M
 * messages the ten as subqueries of one statement took 6–7 s where the same ten alone take ~1 s
 * in all (measured on the bench data set). Not side by side: ten at once would take the whole
 * pool the webhooks are acknowledged from.
 */
export async function countConversations(
  db: Db,
  scope: AccountScope,
  readerId: ReaderId,
  filters: CountFilters = {},
): Promise<ConversationCounts> {
  const counts: Partial<ConversationCounts> = {};
  for (const [name, view] of Object.entries(COUNTED) as Array<[keyof ConversationCounts, TriageView | undefined]>)
    counts[name] = await countOne(db, scope, readerId, filters, view);
  return counts as ConversationCounts;
}

async function countOne(
  db: Db,
  scope: AccountScope,
  readerId: ReaderId,
  filters: CountFilters,
  view: TriageView | undefined,
): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: number }>>`SELECT ${countSql({ scope, readerId }, filters, view)} AS n`;
  return row?.n ?? 0;
}

/** One view's count alone (the benchmark measures Needs reply and Callbacks apart from the rest). */
export function countView(
  db: Db,
  scope: AccountScope,
  readerId: ReaderId,
  view: TriageView,
  filters: CountFilters = {},
): Promise<number> {
  return countOne(db, scope, readerId, filters, view);
}
