import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import type pg from "pg";
import { waitForEmptyBacklog } from "./drain";
import { buildFloorApp, type IngestConfig } from "./ingest-suite";
import { loadTest, type LoadFigure } from "./load";
import { startNode, type startProcess, stopProcess, waitForQuiet, waitForUrl } from "./processes";
import { openLiveStreams, signIn } from "./sse";

// BENCH_ONLY=ack: only the acknowledgement against the framework floor (and, with BENCH_STREAMS
// > 0, the cost of open live streams), for A/B work on the ack path. BENCH_ACK_APPS lists built
// checkouts ("." and e.g. a copy of main with its own .next); each round measures the floor and
// then every app, so on a shared machine each app is compared with the floor of its own round.

export type AckSuiteConfig = Pick<
  IngestConfig,
  | "seconds"
  | "warmupSeconds"
  | "connections"
  | "streams"
  | "quietWaitMs"
  | "appEnv"
  | "admin"
  | "profileDir"
  | "sign"
  | "log"
>;

const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 3400);
const NEXT_BIN = "node_modules/next/dist/bin/next";
const APPS = (process.env.BENCH_ACK_APPS ?? ".").split(",").filter(Boolean);
const ROUNDS = Number(process.env.BENCH_ACK_ROUNDS ?? 1);

const label = (dir: string) => (dir === "." ? "this checkout" : dir);
const line = (figure: LoadFigure, floor?: LoadFigure) =>
  `${figure.requestsPerSecond.toFixed(0)} req/s, ${figure.cpuMsPerRequest.toFixed(3)} ms server CPU/request (JavaScript thread ${figure.jsThreadMsPerRequest.toFixed(3)}), p99 ${figure.p99} ms` +
  `${floor ? `, ${(figure.requestsPerSecond / floor.requestsPerSecond).toFixed(2)}× floor` : ""}` +
  ` (cores: server ${figure.cpu.servers.toFixed(2)}, pg ${figure.cpu.postgres.toFixed(2)}, bench ${figure.cpu.bench.toFixed(2)}, other ${figure.cpu.other.toFixed(2)})`;

export async function runAckSuite(client: pg.Client, config: AckSuiteConfig): Promise<string[]> {
  const { log, sign, seconds, connections } = config;
  const node = (phase: string, env: Record<string, string>, ...args: string[]) =>
    startNode(config.profileDir, phase, { ...config.appEnv, ...env }, args);
  // With BENCH_CPU_PROF, the measured window (CLOCK_MONOTONIC, V8's profile clock) and its request
  // count go beside the phase's profile: profile-summary.ts then leaves out start-up and warm-up
  // and prints milliseconds per request (--window picks another file, e.g. the live phase's
  // window-without-streams.json).
  const measure = async (
    name: string,
    url: string,
    server: ReturnType<typeof startProcess>,
    phase: string,
    windowFile = "window.json",
  ) => {
    await waitForQuiet(config.quietWaitMs, log);
    if (config.warmupSeconds > 0)
      await loadTest({ name: "warm-up", url, servers: [server], seconds: config.warmupSeconds, connections, sign });
    const startUs = Number(process.hrtime.bigint() / 1000n);
    const figure = await loadTest({ name, url, servers: [server], seconds, connections, sign });
    if (config.profileDir) {
      const endUs = Number(process.hrtime.bigint() / 1000n);
      mkdirSync(`${config.profileDir}/${phase}`, { recursive: true });
      writeFileSync(
        `${config.profileDir}/${phase}/${windowFile}`,
        JSON.stringify({ startUs, endUs, requests: figure.requests }),
      );
    }
    return figure;
  };
  const startApp = async (dir: string, worker: "on" | "off", phase: string) => {
    const app = node(
      phase,
      { THREADLINE_WORKER: worker },
      NEXT_BIN,
      "start",
      dir,
      "-H",
      "127.0.0.1",
      "-p",
      String(PORT_BASE),
    );
    await waitForUrl(`http://127.0.0.1:${PORT_BASE}/api/health`);
    return app;
  };
  const webhook = `http://127.0.0.1:${PORT_BASE}/api/webhooks/highlevel`;
  const lines: string[] = [];
  const report = (text: string) => {
    lines.push(text);
    log(`  ${text}`);
  };
  for (const dir of APPS)
    if (!existsSync(`${dir}/.next/BUILD_ID`)) throw new Error(`${dir} has no build: run next build there first`);
  buildFloorApp();
  for (let round = 1; round <= ROUNDS; round++) {
    // Alternate the order, so neither app always runs right after the floor.
    const apps = round % 2 === 1 ? APPS : [...APPS].reverse();
    await client.query("TRUNCATE webhook_events");
    const floorServer = node(
      `r${round}-floor`,
      {},
      NEXT_BIN,
      "start",
      "scripts/bench/floor-app",
      "-H",
      "127.0.0.1",
      "-p",
      String(PORT_BASE + 2),
    );
    await waitForUrl(`http://127.0.0.1:${PORT_BASE + 2}/api/insert`);
    const floor = await measure(
      "floor",
      `http://127.0.0.1:${PORT_BASE + 2}/api/insert`,
      floorServer,
      `r${round}-floor`,
    );
    await stopProcess(floorServer);
    report(`round ${round} floor: ${line(floor)}`);
    for (const [index, dir] of apps.entries()) {
      const tag = `r${round}-app${APPS.indexOf(dir)}`;
      const app = await startApp(dir, "off", `${tag}-ack`);
      report(`round ${round} ${label(dir)} ack: ${line(await measure("ack", webhook, app, `${tag}-ack`), floor)}`);
      await stopProcess(app);
      if (config.streams <= 0) continue;
      // Worker on, backlog empty before each measurement: what open streams cost the ack.
      await client.query("TRUNCATE webhook_events");
      const live = await startApp(dir, "on", `${tag}-live`);
      const cookie = await signIn(`http://127.0.0.1:${PORT_BASE}`, config.admin);
      const without = await measure("no streams", webhook, live, `${tag}-live`, "window-without-streams.json");
      await waitForEmptyBacklog(client, 600_000);
      const streams = await openLiveStreams(`http://127.0.0.1:${PORT_BASE}`, cookie, config.streams);
      const withStreams = await measure("streams", webhook, live, `${tag}-live`);
      await waitForEmptyBacklog(client, 600_000);
      const cost = 1 - withStreams.requestsPerSecond / without.requestsPerSecond;
      report(`round ${round} ${label(dir)} worker on, no streams: ${line(without)}`);
      report(
        `round ${round} ${label(dir)} ${config.streams} streams (${streams.open()} open at the end, ${streams.events()} events): ${line(withStreams)}; cost ${(100 * cost).toFixed(1)} %`,
      );
      await streams.close();
      await stopProcess(live);
      if (index < apps.length - 1) await client.query("TRUNCATE webhook_events");
    }
  }
  return lines;
}
