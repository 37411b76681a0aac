import pg from "pg";
import { executeStatement, openSearchLog } from "./search-statements";
import { runMain } from "./run-main";

// EXPLAIN (ANALYZE, BUFFERS) of every statement one search sends, as a member of one account,
// optionally while 19 other members search at once (#28: find the plan that makes concurrent
// search slow). Usage: BENCH_DATABASE_URL=… npx tsx scripts/bench/explain-search.ts <q> [account] [--loaded]

const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/threadline_bench";

async function main() {
  const [q = "appointment", account = "bench-acc-1", loaded] = process.argv.slice(2);
  const log = await openSearchLog(url);
  const statements = await log.statementsOf(q, account);
  let running = loaded === "--loaded";
  const mix = ["quetzalcoatl", "appointment", "a", "5550042", "ana", "appoint", "xylitol", "deductible"];
  const others = Array.from({ length: 19 }, async (_, i) => {
    while (running) await log.search(mix[i % mix.length]!, `bench-acc-${(i % 8) + 1}`);
  });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const statement of statements) {
    await client.query(`PREPARE s AS ${statement.query}`);
    const { rows } = await client.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${executeStatement(statement)}`,
    );
    await client.query("DEALLOCATE s");
    console.log(`\n=== ${statement.query.replace(/\s+/g, " ").slice(0, 160)}…`);
    console.log(rows.map((r) => r["QUERY PLAN"]).join("\n"));
  }
  running = false;
  await Promise.all(others);
  await client.end();
  await log.close();
}
runMain(main);
