import { accountCondition } from "@/lib/access/scope";
import { getPrisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { mentionsOf, viewPlan } from "@/lib/inbox/conversation-views";
import type { ConversationReader } from "@/lib/inbox/conversations";
import type { TriageView } from "@/lib/inbox/validations";

// Every view's count in one round trip, for the view tabs. Needs reply and Callbacks count their
// partial indexes (only the conversations in them); each count is its own subquery so each
// gets its own plan.

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

function countSql({ scope, readerId }: ConversationReader, account: string | undefined, view?: TriageView) {
  const base = Prisma.sql`c.last_message_at IS NOT NULL AND ${accountCondition(scope, Prisma.sql`c.account_id`)}
    ${account ? Prisma.sql`AND c.account_id = ${account}` : Prisma.empty}`;
  const plan = viewPlan({ view, state: "all", unread: false }, readerId);
  // Mentions counts what is new: the mentions not yet seen.
  if (view === "mentions") plan.conditions.push(Prisma.sql`AND ${mentionsOf(readerId, true)}`);
  return Prisma.sql`(SELECT count(*)::int FROM conversations c WHERE ${base} ${Prisma.join([Prisma.empty, ...plan.conditions], " ")})`;
}

export async function countConversations(reader: ConversationReader, account?: string): Promise<ConversationCounts> {
  const prisma = await getPrisma();
  const count = (view?: TriageView) => countSql(reader, account, view);
  const [row] = await prisma.$queryRaw<Array<ConversationCounts>>`
    SELECT ${count()} AS "all", ${count("unread")} AS unread, ${count("needs-reply")} AS "needsReply",
      ${count("callbacks")} AS callbacks, ${count("not-delivered")} AS "notDelivered", ${count("done")} AS done,
      ${count("mine")} AS mine, ${count("unassigned")} AS unassigned, ${count("snoozed")} AS snoozed,
      ${count("mentions")} AS mentions`;
  if (!row) throw new Error("count query returned no row");
  return row;
}

/** One view's count alone (the benchmark measures Needs reply and Callbacks apart from the rest). */
export async function countView(reader: ConversationReader, view: TriageView, account?: string): Promise<number> {
  const prisma = await getPrisma();
  const [row] = await prisma.$queryRaw<Array<{ n: number }>>`SELECT ${countSql(reader, account, view)} AS n`;
  return row?.n ?? 0;
}
