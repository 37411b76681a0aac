import pg from "pg";
import { scriptScopeOfAccounts } from "@/lib/access/script-scope";
import { conversationListQuerySchema } from "@/lib/inbox/validations";
import { literal } from "./time-cases";

// EXPLAIN (ANALYZE, BUFFERS) of every statement one search sends, as a member of one account,
// optionally while 19 other members search at once (#28: find the plan that makes concurrent
// search slow). Usage: BENCH_DATABASE_URL=… npx tsx scripts/bench/explain-search.ts <q> [account] [--loaded]

const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/threadline_bench";

async function main() {
  const [q = "appointment", account = "bench-acc-1", loaded] = process.argv.slice(2);
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
  const search = (text: string, id: string) =>
    listConversations(db, scriptScopeOfAccounts([id]), conversationListQuerySchema.parse({ q: text }), null);
  await search(q, account);
  const statements = [...events];
  let running = loaded === "--loaded";
  const mix = ["quetzalcoatl", "appointment", "a", "5550042", "ana", "appoint", "xylitol", "deductible"];
  const others = Array.from({ length: 19 }, async (_, i) => {
    while (running) await search(mix[i % mix.length]!, `bench-acc-${(i % 8) + 1}`);
  });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const event of statements) {
    if (!/^\s*(SELECT|WITH)/i.test(event.query)) continue;
    const params = JSON.parse(event.params) as unknown[];
    await client.query(`PREPARE s AS ${event.query}`);
    const { rows } = await client.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, BUFFERS) EXECUTE s${params.length ? `(${params.map(literal).join(", ")})` : ""}`,
    );
    await client.query("DEALLOCATE s");
    console.log(`\n=== ${event.query.replace(/\s+/g, " ").slice(0, 160)}…`);
    console.log(rows.map((r) => r["QUERY PLAN"]).join("\n"));
  }
  running = false;
  await Promise.all(others);
  await client.end();
  await closeDatabase();
}
main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
