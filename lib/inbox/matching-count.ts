import { getPrisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { searchPlan } from "@/lib/inbox/conversation-search";
import { orderBy, viewPlan } from "@/lib/inbox/conversation-views";
import { type ConversationReader, listFilters } from "@/lib/inbox/conversations";
import type { ConversationListQuery } from "@/lib/inbox/validations";

// How many conversations a list query matches (a saved view's count), counted with the list's own
// filters and search plan, and capped: past the cap a sidebar says "1,000+", and counting a big
// account's every conversation on each live nudge would cost more than the number is worth.

export const MATCH_COUNT_CAP = 1_000;

export async function countMatching(query: ConversationListQuery, reader: ConversationReader): Promise<number> {
  const prisma = await getPrisma();
  const plan = viewPlan(query, reader.readerId);
  const filters = listFilters(query, reader, plan);
  const search = query.q ? await searchPlan(query.q, filters, MATCH_COUNT_CAP + 1, reader.scope, orderBy(plan)) : null;
  const [row] = await prisma.$queryRaw<Array<{ n: number }>>`
    ${search?.with ?? Prisma.empty}
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM conversations c WHERE ${search?.where ?? filters} LIMIT ${MATCH_COUNT_CAP + 1}) matched`;
  return row?.n ?? 0;
}
