import pg from "pg";
import { executeStatement, openSearchLog } from "./search-statements";
import { runMain } from "./run-main";

// Planning and execution time of each statement a warm search sends (median of RUNS), one at a time
// on a quiet database, and the whole search timed in-process: what a search costs PostgreSQL
// before it reads a row, and what the app adds. Usage:
//   BENCH_DATABASE_URL=… npx tsx scripts/bench/plan-cost.ts <q> [account]

const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/threadline_bench";
const RUNS = 15;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

async function main() {
  const [q = "appointment", account = "bench-acc-1"] = process.argv.slice(2);
  const log = await openSearchLog(url);
  const statements = await log.statementsOf(q, account);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let totalPlan = 0;
  let totalExec = 0;
  for (const statement of statements) {
    await client.query(`PREPARE s AS ${statement.query}`);
    const planning: number[] = [];
    const execution: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { rows } = await client.query<{ "QUERY PLAN": string }>(
        `EXPLAIN (ANALYZE, SUMMARY ON, TIMING OFF) ${executeStatement(statement)}`,
      );
      const text = rows.map((r) => r["QUERY PLAN"]).join("\n");
      planning.push(Number(/Planning Time: ([\d.]+)/.exec(text)?.[1]));
      execution.push(Number(/Execution Time: ([\d.]+)/.exec(text)?.[1]));
    }
    await client.query("DEALLOCATE s");
    totalPlan += median(planning);
    totalExec += median(execution);
    console.log(
      `plan ${median(planning).toFixed(2)} ms, exec ${median(execution).toFixed(2)} ms: ${statement.query.replace(/\s+/g, " ").slice(0, 110)}`,
    );
  }
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await log.search(q, account);
    times.push(performance.now() - started);
  }
  console.log(
    `total: plan ${totalPlan.toFixed(2)} ms, exec ${totalExec.toFixed(2)} ms; whole search in-process median ${median(times).toFixed(2)} ms`,
  );
  await client.end();
  await log.close();
}

runMain(main);
