import pg from "pg";
import { bulkLoad, resetBenchData } from "./bulk-load";

// Loads the bench data set once (BENCH_SCALES' last figure, default 1M) into BENCH_DATABASE_URL, so
// a search-only bench (search-bench.ts) can run against it again and again.
const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/threadline_bench";
const scale = Number(process.env.BENCH_SCALE ?? 1_000_000);

async function main() {
  process.env.DATABASE_URL = url;
  const { getDatabase, closeDatabase } = await import("@/lib/db");
  await getDatabase(); // migrates
  await closeDatabase();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  await resetBenchData(client);
  await bulkLoad(client, scale, (line) => console.log(line));
  console.log(`loaded ${scale} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await client.end();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
