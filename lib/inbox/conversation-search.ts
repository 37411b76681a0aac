import { getPrisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { likeEscape, phoneDigits, toPrefixTsQuery } from "@/lib/inbox/search-terms";

// Conversation search: which conversations match a query, as SQL that listConversations wraps
// with its own filters, ordering and page. Measured in docs/benchmarks.md ("Search").

// Above this many matching messages a word is "common": walking conversations newest-first
// finds a page of matches at once. Below it, collecting the matches first is cheaper.
const COMMON_WORD_MATCHES = 2_000;

/**
 * A search, as CTEs plus one ordered, limited branch per way of matching. PostgreSQL misjudges
 * how many messages a prefix query matches, so the app measures it with a capped count and
 * picks the plan: rare words collect their conversations from the full-text index first;
 * common words walk conversations newest-first and stop at the page size.
 */
export async function searchPlan(q: string, filters: Prisma.Sql, take: number) {
  const prisma = await getPrisma();
  const tsQuery = toPrefixTsQuery(q);
  const like = `%${likeEscape(q.toLowerCase())}%`;
  const digits = phoneDigits(q);
  const branch = (condition: Prisma.Sql) => Prisma.sql`
    (SELECT c.id, c.last_message_at FROM conversations c WHERE ${filters} AND ${condition}
     ORDER BY c.last_message_at DESC, c.id DESC LIMIT ${take})`;
  const ctes = [
    Prisma.sql`customer_hits AS MATERIALIZED (
      SELECT cs.id FROM customers cs
      WHERE lower(coalesce(cs.name, '') || ' ' || coalesce(cs.first_name, '') || ' ' || coalesce(cs.last_name, '')) LIKE ${like}
         OR cs.email_normalized LIKE ${like}
         OR lower(cs.phone) LIKE ${like}
         ${digits ? Prisma.sql`OR cs.phone_e164 LIKE ${`%${digits}%`}` : Prisma.empty})`,
  ];
  const branches = [branch(Prisma.sql`c.customer_id IN (SELECT id FROM customer_hits)`)];
  if (tsQuery) {
    const [probe] = await prisma.$queryRaw<Array<{ matches: number }>>`
      SELECT count(*)::int AS matches FROM (
        SELECT 1 FROM messages WHERE search_vector @@ to_tsquery('simple', ${tsQuery}) LIMIT ${COMMON_WORD_MATCHES}) s`;
    if ((probe?.matches ?? 0) < COMMON_WORD_MATCHES) {
      ctes.push(Prisma.sql`message_hits AS MATERIALIZED (
        SELECT DISTINCT conversation_id FROM messages WHERE search_vector @@ to_tsquery('simple', ${tsQuery}))`);
      branches.push(branch(Prisma.sql`c.id IN (SELECT conversation_id FROM message_hits)`));
    } else {
      branches.push(
        branch(Prisma.sql`EXISTS (
        SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.search_vector @@ to_tsquery('simple', ${tsQuery}))`),
      );
    }
  }
  return {
    with: Prisma.sql`WITH ${Prisma.join(ctes, ", ")}`,
    where: Prisma.sql`c.id IN (SELECT id FROM (${Prisma.join(branches, " UNION ")}) matched)`,
  };
}
