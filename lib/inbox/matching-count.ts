import type { AccountScope } from "@/lib/access/scope";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { searchPlan } from "@/lib/inbox/conversation-search";
import { orderBy, viewPlan } from "@/lib/inbox/conversation-views";
import { listFilters } from "@/lib/inbox/conversations";
import type { ConversationListQuery } from "@/lib/inbox/validations";
import type { ReaderId } from "@/lib/triage/read-state";

// How many conversations a list query matches (a saved view's count), counted with the list's own
// filters and search plan, and capped: past the cap a sidebar says "1,000+", and counting a big
// account's every conversation on each live nudge would cost more than the number is worth.

export const MATCH_COUNT_CAP = 1_000;

export async function countMatching(
  db: Db,
  scope: AccountScope,
  query: ConversationListQuery,
  readerId: ReaderId,
): Promise<number> {
  const plan = viewPlan(query, readerId);
  const filters = listFilters(query, { scope }, plan);
  const search = query.q ? await searchPlan(db, scope, query.q, filters, MATCH_COUNT_CAP + 1, orderBy(plan)) : null;
  const [row] = await db.$queryRaw<Array<{ n: number }>>`
    ${search?.with ?? Prisma.empty}
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM conversations c WHERE ${search?.where ?? filters} LIMIT ${MATCH_COUNT_CAP + 1}) matched`;
  return row?.n ?? 0;
}
