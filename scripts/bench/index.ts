import { randomBytes } from "node:crypto";
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import pg from "pg";
import { ED25519_KEY_ENV } from "@/lib/providers/highlevel/signature";
import { makeTestKeyPairs } from "@/lib/testing/signing";
import { signatureHeaders } from "@/lib/providers/sign";
import { bulkLoad, resetBenchData } from "./bulk-load";
import { commit, ensureDatabase, loadedMessages } from "./run-info";
import { runIngestSuite } from "./ingest-suite";
import type { ReadFigure } from "./read-queries";
import { drainSection, ingestSection, readsSection, writeResults } from "./report";
import type { OpenFigure } from "./open-thread";
import type { ScrollFigure } from "./scroll";
import { measureInBrowser } from "./browser-suite";
import type { SendBubbleFigure } from "./send-bubble";
import type { SendFigures } from "./sends";
import { summarySection } from "./summary";
import type { IngestResults } from "./ingest-suite";
import { runMain } from "./run-main";

// npm run bench: PostgreSQL only (BENCH_DATABASE_URL, default a local threadline_bench database).
// BENCH_ONLY=team times the team actions (#24) and bulk actions on 10,000 conversations at each scale.
// BENCH_ONLY=sends times replies (#27): Send → stored, and 1,000 sends through HighLevel's rate limit
// (a full or ingest run measures them too, last). BENCH_ONLY=overload: the 32-connection ack and
// BENCH_OVERLOAD_RUNS overloads only, on an empty data set (admission work; prints, writes nothing).
// BENCH_ONLY=drain: only the worker drain rates, printed (no ack, live streams or overload).
// BENCH_ONLY=ack: the ack against the floor only (scripts/bench/ack-suite.ts: A/B of built checkouts).
// BENCH_ONLY=reads (queries + scrolling) or BENCH_ONLY=ingest runs one part; the other part's
// last tables stay in docs/benchmark-results.md. Short runs: BENCH_SECONDS=5 BENCH_SCALES=10000
// BENCH_OVERLOAD_SECONDS=5 BENCH_DRAIN_EVENTS=2000. BENCH_CPU_PROF=<folder> profiles every server;
// BENCH_TRACE=<folder> traces, per second, where every server's requests waited (trace-preload.cjs)
// and what the load generator saw (client-trace.ts), as JSON lines.
// BENCH_SCROLL=0 skips scrolling (and the build it needs); BENCH_TRANSCRIPTS=0 loads calls
// without summaries and transcripts (the data before #14, for comparisons). BENCH_ONLY=search times
// only the 20-people concurrent searches (#28), on the data already loaded when it is of that scale
// (BENCH_SEARCH_CASES=<part of a case's label> keeps some cases). BENCH_ONLY=open: only opening
// conversations in Chromium (#28 item 6), printed, on the data already loaded when it is of that
// scale (opening marks read: give it a copy); BENCH_OPEN_TRACE=<ms> traces the opens slower than that.

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/threadline_bench";
const APP_PORT = Number(process.env.BENCH_PORT_BASE ?? 3400);
const SCALES = (process.env.BENCH_SCALES ?? "10000,100000,1000000").split(",").map(Number);
const ONLY = process.env.BENCH_ONLY ?? "all";
if (
  !["all", "reads", "ingest", "ack", "drain", "overload", "reports", "team", "sends", "search", "open"].includes(ONLY)
)
  throw new Error(
    `BENCH_ONLY is reads, ingest, ack, drain, overload, reports, team, sends, search, open or unset, not ${ONLY}`,
  );
const SETTINGS = {
  seconds: env("BENCH_SECONDS", 30),
  warmupSeconds: env("BENCH_WARMUP_SECONDS", 3),
  connections: env("BENCH_CONCURRENCY", 32),
  overload: {
    connections: env("BENCH_OVERLOAD_CONNECTIONS", 1000),
    seconds: env("BENCH_OVERLOAD_SECONDS", 30),
    timeoutSeconds: env("BENCH_OVERLOAD_TIMEOUT", 10),
    waitSeconds: env("BENCH_OVERLOAD_WAIT", 180),
    runs: env("BENCH_OVERLOAD_RUNS", 5),
  },
  streams: env("BENCH_STREAMS", 500),
  drainEvents: env("BENCH_DRAIN_EVENTS", 20_000),
  drainTimeoutMs: env("BENCH_DRAIN_TIMEOUT", 600) * 1000,
  quietWaitMs: env("BENCH_QUIET_WAIT", 300) * 1000,
  maxOtherCores: env("BENCH_MAX_OTHER", 0.25),
};
const log = (line: string) => console.log(line);
process.env.NEXT_TELEMETRY_DISABLED ??= "1"; // the builds the bench runs, too

async function main() {
  await ensureDatabase(DATABASE_URL);
  process.env.DATABASE_URL = DATABASE_URL;
  process.env.THREADLINE_QUERY_EVENTS = "1";
  const { getDatabase, closeDatabase } = await import("@/lib/db");
  await getDatabase(); // migrates
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const version = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${version}`;
  log(
    `machine: ${machine}; load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );

  if (ONLY === "sends") {
    // Replies (#27): on an empty database (a send's cost does not depend on the data set's size).
    await resetBenchData(client);
    const { measureSends } = await import("./sends");
    for (const line of (await measureSends(client, log)).lines) log(`  ${line}`);
    await closeDatabase();
    await client.end();
    return;
  }

  // Reads at every scale; ingestion (and scrolling) run on the largest data set loaded.
  const reads = new Map<number, ReadFigure[]>();
  // BENCH_ONLY=ack and overload: the acknowledgement does not read the data set, so none is loaded.
  const noData = ONLY === "overload" || ONLY === "ack";
  const scales = noData ? [] : ONLY === "ingest" || ONLY === "drain" ? SCALES.slice(-1) : SCALES;
  if (noData) await resetBenchData(client);
  for (const scale of scales) {
    if ((ONLY === "search" || ONLY === "open") && (await loadedMessages(client)) === scale)
      log(`${scale.toLocaleString()} messages already loaded`);
    else {
      log(`loading ${scale.toLocaleString()} messages…`);
      const started = Date.now();
      await resetBenchData(client);
      await bulkLoad(client, scale, log);
      log(`  loaded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    if (ONLY === "open") continue;
    if (ONLY === "search") {
      const { measureConcurrentSearch } = await import("./search-concurrent");
      for (const f of await measureConcurrentSearch(client, process.env.BENCH_SEARCH_CASES))
        log(
          `  ${f.name}: p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms (target p95 < 100 ms: ${f.p95 < 100 ? "met" : "missed"}); ${f.planNote}`,
        );
      continue;
    }
    if (ONLY === "reports") {
      // Only the reports' queries, printed: a short check while working on them.
      const { measureReports } = await import("./report-queries");
      for (const f of await measureReports(client))
        log(
          `  ${f.name}: p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms${f.seqScanOnMessages ? " (seq scan on messages)" : ""} ${f.planNote}`,
        );
      continue;
    }
    if (ONLY === "team") {
      // Team actions (#24): each action's server time, and bulk actions on 10,000 conversations.
      const { measureTeamActions } = await import("./team-actions");
      for (const f of await measureTeamActions(client))
        log(`  ${f.name}: p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms (${f.runs} runs)`);
      continue;
    }
    if (ONLY !== "ingest" && ONLY !== "drain") {
      const { measureReads } = await import("./read-queries");
      reads.set(scale, await measureReads(client));
    }
  }
  await closeDatabase();
  if (ONLY === "reports" || ONLY === "team" || ONLY === "search") return;

  // BENCH_SCROLL=0: queries only, no build and no Chromium (a short check of read queries).
  const scrolls = ONLY !== "ingest" && ONLY !== "drain" && ONLY !== "ack" && process.env.BENCH_SCROLL !== "0";
  // BENCH_ONLY=drain builds nothing (its in-process measurement uses a build when there is one);
  // BENCH_ONLY=ack measures the builds it is given (scripts/bench/ack-suite.ts).
  if ((scrolls || ONLY !== "reads") && ONLY !== "drain" && ONLY !== "ack" && !existsSync(".next/BUILD_ID"))
    execSync("npx next build", { stdio: "inherit" });
  // The app verifies signatures and wants a sign-in: the bench signs with its own key pair (the
  // verification cost is part of what is measured) and signs in as a bench administrator.
  const keys = makeTestKeyPairs();
  const admin = { email: "bench@threadline.local", password: randomBytes(18).toString("base64url") };
  const appEnv = {
    DATABASE_URL,
    THREADLINE_DEMO: "off",
    THREADLINE_QUIET_LOGS: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_POOL_MAX: "10",
    LIVE_STREAM_MAX_SECONDS: "3600",
    [ED25519_KEY_ENV]: keys.ed25519.publicKey,
    THREADLINE_ADMIN_EMAIL: admin.email,
    THREADLINE_ADMIN_PASSWORD: admin.password,
  };
  if (ONLY === "open") {
    // Every run as the first: the app makes its administrator again, to whom everything is unread.
    await client.query("DELETE FROM users");
    const { measureOpeningAlone } = await import("./browser-suite");
    await measureOpeningAlone({ port: APP_PORT, appEnv, admin, log });
    await client.end();
    return;
  }
  const sign = (body: string) =>
    signatureHeaders("highlevel", body, { highLevelEd25519PrivateKey: keys.ed25519.privateKey });

  const suiteConfig = {
    databaseUrl: DATABASE_URL,
    ...SETTINGS,
    appEnv,
    admin,
    sign,
    log,
    profileDir: process.env.BENCH_CPU_PROF,
  };
  if (ONLY === "overload") {
    const { runOverloadSuite } = await import("./ingest-suite");
    const { overloadSection } = await import("./overload-report");
    const results = await runOverloadSuite(client, suiteConfig);
    console.log(`\n${overloadSection(results).join("\n")}\n`);
    await client.end();
    return;
  }

  if (ONLY === "drain") {
    // The drain rates only, printed (the results file keeps the last full run's tables).
    const { runDrainSuite } = await import("./ingest-suite");
    const drains = await runDrainSuite(client, suiteConfig);
    console.log(`\n${drainSection(drains).join("\n")}`);
    await client.end();
    return;
  }
  if (ONLY === "ack") {
    const { runAckSuite } = await import("./ack-suite");
    await runAckSuite(client, suiteConfig);
    await client.end();
    return;
  }
  const sections: Record<string, string[]> = {};
  let opening: OpenFigure[] = [];
  let ingest: IngestResults | undefined;
  let sends: SendFigures | undefined;
  let sendBubble: SendBubbleFigure | undefined;
  if (ONLY !== "ingest") {
    let scroll: ScrollFigure[] = [];
    if (scrolls) {
      const browser = await measureInBrowser(client, { port: APP_PORT, appEnv, admin, log });
      ({ scroll, opening, sendBubble } = browser);
    }
    sections.reads = readsSection(scales, reads, scroll, opening, sendBubble);
  }
  if (ONLY !== "reads") {
    const results = await runIngestSuite(client, suiteConfig);
    ingest = results;
    sections.ingest = [
      `Data set: ${scales.at(-1)!.toLocaleString("en-US")} messages loaded before ingestion.`,
      "",
      ...ingestSection(results, SETTINGS),
    ];
    // The send path (#27, issue #28 item 7) in the same run, last: it starts from an empty data set.
    log("sends: Send → stored and in the thread, then 1,000 queued sends through HighLevel's rate limit");
    await resetBenchData(client);
    const { measureSends, sendsSection } = await import("./sends");
    sends = await measureSends(client, log);
    sections.sends = sendsSection(sends);
    await closeDatabase();
  }
  await client.end();

  const runLine = `Machine: ${machine}. Run: ${new Date().toISOString()}, commit ${commit()}, load average at the end ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}.`;
  // Issue #28's table last, where a reader of the log looks first (and first in the results file).
  const largest = scales.at(-1);
  const summary = summarySection({
    reads: largest !== undefined && reads.has(largest) ? { scale: largest, figures: reads.get(largest)! } : undefined,
    opening,
    sendBubble,
    ingest,
    sends,
  });
  for (const name of Object.keys(sections)) console.log(`\n${sections[name]!.join("\n")}\n`);
  if (summary.length > 0) console.log(`\n${summary.join("\n")}\n`);
  // A partial run's summary would hide a full run's other rows: only a full run writes it.
  if (summary.length > 0 && ONLY === "all") sections.summary = summary;
  writeResults(sections, runLine);
}

runMain(main);
