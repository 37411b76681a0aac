import { randomBytes } from "node:crypto";
import { ED25519_KEY_ENV } from "@/lib/providers/leadconnector/signature";
import { makeTestKeyPairs } from "@/lib/testing/signing";
import { signatureHeaders } from "@/lib/providers/sign";
import { existsSync, writeFileSync } from "node:fs";
import os from "node:os";
import { execSync } from "node:child_process";
import pg from "pg";
import { bulkLoad, resetBenchData } from "./bulk-load";
import { loadTest, startProcess, waitForUrl, type IngestFigure } from "./ingest";
import type { ReadFigure } from "./read-queries";
import { measureScrolling, type ScrollFigure } from "./scroll";

// npm run bench: PostgreSQL only (BENCH_DATABASE_URL, default a local threadline_bench database).
// Prints the tables and writes them to docs/benchmarks.md with the machine they came from.

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/threadline_bench";
const SCALES = (process.env.BENCH_SCALES ?? "10000,100000,1000000").split(",").map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const TARGETS = { listP95: 50, searchP95: 200, growth: 2, ingestRatio: 0.5, ingestP99: 100, longTaskMs: 100 };
const log = (line: string) => console.log(line);
const ms = (value: number) => value.toFixed(1);

async function ensureDatabase() {
  const url = new URL(DATABASE_URL);
  const name = url.pathname.slice(1);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
}

async function main() {
  await ensureDatabase();
  process.env.DATABASE_URL = DATABASE_URL;
  process.env.THREADLINE_QUERY_EVENTS = "1";
  const { getDatabase, closeDatabase } = await import("@/lib/db");
  await getDatabase(); // migrates
  const { measureReads } = await import("./read-queries");
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const version = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${version}`;
  log(`machine: ${machine}`);

  const reads = new Map<number, ReadFigure[]>();
  for (const scale of SCALES) {
    log(`loading ${scale.toLocaleString()} messages…`);
    const started = Date.now();
    await resetBenchData(client);
    await bulkLoad(client, scale, log);
    log(`  loaded in ${((Date.now() - started) / 1000).toFixed(0)} s; measuring reads`);
    reads.set(scale, await measureReads(client));
  }
  await closeDatabase();

  // Ingestion against the largest data set, then scrolling in Chromium on the same server.
  if (!existsSync(".next/BUILD_ID")) execSync("npx next build", { stdio: "inherit" });
  // The app verifies signatures and wants a sign-in: the bench signs with its own key pair (the
  // verification cost is part of what is measured) and signs in as a bench administrator.
  const keys = makeTestKeyPairs();
  const admin = { email: "bench@threadline.local", password: randomBytes(18).toString("base64url") };
  const env = {
    DATABASE_URL,
    THREADLINE_DEMO: "off",
    THREADLINE_QUIET_LOGS: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_POOL_MAX: "10",
    [ED25519_KEY_ENV]: keys.ed25519.publicKey,
    THREADLINE_ADMIN_EMAIL: admin.email,
    THREADLINE_ADMIN_PASSWORD: admin.password,
  };
  const sign = (body: string) =>
    signatureHeaders("leadconnector", body, { leadconnectorEd25519PrivateKey: keys.ed25519.privateKey });
  const baseline = startProcess("node", ["scripts/bench/baseline-server.mjs"], { ...env, PORT: "3401" });
  await waitForUrl("http://127.0.0.1:3401/");
  log(`ingestion: baseline, ${CONCURRENCY} connections, ${SECONDS} s…`);
  const ingest: IngestFigure[] = [
    await loadTest("baseline: one INSERT per request", "http://127.0.0.1:3401/", baseline, CONCURRENCY, SECONDS),
  ];
  baseline.kill();
  const app = startProcess("node", ["node_modules/next/dist/bin/next", "start", "-H", "127.0.0.1", "-p", "3400"], env);
  await waitForUrl("http://127.0.0.1:3400/api/health");
  await fetch("http://127.0.0.1:3400/api/webhooks/leadconnector", { method: "POST", body: "{}" }); // compile/warm the route
  log(`ingestion: Threadline, ${CONCURRENCY} connections, ${SECONDS} s…`);
  ingest.push(
    await loadTest(
      "Threadline /api/webhooks/leadconnector",
      "http://127.0.0.1:3400/api/webhooks/leadconnector",
      app,
      CONCURRENCY,
      SECONDS,
      sign,
    ),
  );
  log("scrolling in Chromium…");
  let scroll: ScrollFigure[] = [];
  try {
    scroll = await measureScrolling("http://127.0.0.1:3400", admin);
  } catch (error) {
    log(`  scrolling not measured: ${(error as Error).message}`);
  }
  app.kill();
  await client.end();

  const lines: string[] = [];
  const out = (line = "") => lines.push(line);
  out(`Machine: ${machine}. Run: ${new Date().toISOString()}.`);
  out();
  out("## Ingestion (HTTP, unique payloads, autocannon)");
  out();
  out("| server | connections | req/s | p50 ms | p95 ms | p99 ms | errors | peak RSS MB |");
  out("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const f of ingest)
    out(
      `| ${f.name} | ${f.concurrency} | ${f.requestsPerSecond.toFixed(0)} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} | ${f.non2xx} | ${f.peakRssMb} |`,
    );
  const [base, ours] = ingest as [IngestFigure, IngestFigure];
  const ratio = ours.requestsPerSecond / base.requestsPerSecond;
  out();
  out(
    `Ratio ours/baseline: **${ratio.toFixed(2)}** (target ≥ ${TARGETS.ingestRatio}: ${ratio >= TARGETS.ingestRatio ? "met" : "MISSED"}); p99 ${ms(ours.p99)} ms at the baseline's concurrency (target < ${TARGETS.ingestP99} ms: ${ours.p99 < TARGETS.ingestP99 ? "met" : "MISSED"}).`,
  );
  out();
  out("## Reads (p50 / p95 ms over 100 runs after 10 warm-ups; plan checked with EXPLAIN)");
  out();
  out(
    "Growth is the median's (p50) ratio between the two largest scales; the p95 ratio is shown beside it. At a few milliseconds a p95 moves with machine noise.",
  );
  out();
  out(
    `| query | ${SCALES.map((s) => `${s.toLocaleString()} msgs`).join(" | ")} | growth p50 (p95) ${SCALES.at(-2)?.toLocaleString()}→${SCALES.at(-1)?.toLocaleString()} | seq scan on messages | target |`,
  );
  out(`| --- | ${SCALES.map(() => "---:").join(" | ")} | ---: | --- | --- |`);
  const largest = reads.get(SCALES.at(-1)!)!;
  largest.forEach((figure, index) => {
    const cells = SCALES.map((s) => {
      const f = reads.get(s)![index]!;
      return `${ms(f.p50)} / ${ms(f.p95)}`;
    });
    const before = SCALES.length > 1 ? reads.get(SCALES.at(-2)!)![index]! : figure;
    const growth = figure.p50 / Math.max(before.p50, 0.1);
    const growthP95 = figure.p95 / Math.max(before.p95, 0.1);
    const isSearch = figure.name.startsWith("search");
    const limit = isSearch ? TARGETS.searchP95 : TARGETS.listP95;
    const met = figure.p95 < limit && (isSearch || growth < TARGETS.growth);
    const anySeq = SCALES.some((s) => reads.get(s)![index]!.seqScanOnMessages);
    out(
      `| ${figure.name} | ${cells.join(" | ")} | ${growth.toFixed(2)}× (${growthP95.toFixed(2)}×) | ${anySeq ? "**yes**" : "no"} | p95 < ${limit} ms${isSearch ? "" : `, growth < ${TARGETS.growth}×`}: ${met ? "met" : "**MISSED**"} |`,
    );
  });
  out();
  out("## Scrolling in Chromium (long tasks > 50 ms while scrolling)");
  out();
  out("| view | long tasks | longest ms | target |");
  out("| --- | ---: | ---: | --- |");
  for (const f of scroll)
    out(
      `| ${f.name} | ${f.longTasks} | ${f.longestTaskMs} | none over ${TARGETS.longTaskMs} ms: ${f.longestTaskMs <= TARGETS.longTaskMs ? "met" : "**MISSED**"} |`,
    );
  const report = lines.join("\n");
  console.log(`\n${report}\n`);
  writeFileSync("docs/benchmark-results.md", `# Benchmark results (generated by npm run bench)\n\n${report}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
