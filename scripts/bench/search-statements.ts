import { scriptScopeOfAccounts } from "@/lib/access/script-scope";
import { conversationListQuerySchema } from "@/lib/inbox/validations";
import { literal } from "./time-cases";

// What one search sends to PostgreSQL, read from Prisma's query log, for the scripts that look at
// each statement (explain-search.ts: its plan; plan-cost.ts: its planning and execution time).

export interface SearchStatement {
  query: string;
  params: unknown[];
}

/** `EXECUTE s(…)` of a statement PREPAREd as `s`, its parameters written as literals. */
export const executeStatement = ({ params }: SearchStatement) =>
  `EXECUTE s${params.length ? `(${params.map(literal).join(", ")})` : ""}`;

/** Opens the app's database at `url` with the query log on. */
export async function openSearchLog(url: string) {
  process.env.DATABASE_URL = url;
  process.env.THREADLINE_QUERY_EVENTS = "1";
  const { getPrisma, closeDatabase } = await import("@/lib/db");
  const { listConversations } = await import("@/lib/inbox/conversations");
  const db = await getPrisma();
  const events: Array<{ query: string; params: string }> = [];
  (db as unknown as { $on(event: "query", listener: (e: { query: string; params: string }) => void): void }).$on(
    "query",
    (event) => events.push(event),
  );
  /** A search as a member of one account. */
  const search = (q: string, account: string) =>
    listConversations(db, scriptScopeOfAccounts([account]), conversationListQuerySchema.parse({ q }), null);
  return {
    search,
    /** The reads a warm search sends (a first one reads the word statistics and the catalog, once per process). */
    async statementsOf(q: string, account: string): Promise<SearchStatement[]> {
      await search(q, account);
      events.length = 0;
      await search(q, account);
      return events
        .filter((event) => /^\s*(SELECT|WITH)/i.test(event.query))
        .map((event) => ({ query: event.query, params: JSON.parse(event.params) as unknown[] }));
    },
    close: closeDatabase,
  };
}
