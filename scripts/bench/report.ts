import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { IngestResults } from "./ingest-suite";
import type { DrainFigure } from "./drain";
import type { LoadFigure } from "./load";
import { overloadSection } from "./overload-report";
import type { CpuSplit } from "./processes";
import type { ReadFigure } from "./read-queries";
import { OPEN_TARGET_P95_MS, type OpenFigure } from "./open-thread";
import type { ScrollFigure } from "./scroll";
import { SEND_BUBBLE_TARGET_P95_MS, type SendBubbleFigure } from "./send-bubble";

// Markdown tables for docs/benchmark-results.md. Each part of the bench owns a marked section,
// so a partial run (BENCH_ONLY=ingest) replaces its own tables and keeps the others' last figures.

export const TARGETS = {
  listP95: 50,
  searchP95: 200,
  concurrentSearchP95: 100,
  /** Reports (#15) read a whole date range: their target is p95 alone, without a growth limit. */
  reportP95: 300,
  growth: 2,
  longTaskMs: 100,
  oursOverFloor: 0.8,
  ackP99: 100,
  drainPerSecond: 1000,
  liveCost: 0.15,
};

const ms = (value: number) => value.toFixed(1);
const int = (value: number) => Math.round(value).toLocaleString("en-US");
const met = (ok: boolean) => (ok ? "met" : "**MISSED**");
const cores = (cpu: CpuSplit) =>
  `${cpu.servers.toFixed(2)} / ${cpu.postgres.toFixed(2)} / ${cpu.bench.toFixed(2)} / ${cpu.other.toFixed(2)}`;
const CPU_NOTE =
  "CPU columns are cores busy over the measurement (2 = the whole machine): server process tree / PostgreSQL (all its processes) / " +
  'the bench itself (autocannon, signing) / everything else. "Everything else" above ~0.1 means another workload shared the machine.';

function loadRow(f: LoadFigure): string {
  const non2xx = f.requests - f.ok;
  return `| ${f.name} | ${int(f.requestsPerSecond)} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} | ${int(f.max)} | ${int(non2xx)} | ${f.timeouts} / ${f.errors} | ${f.cpuMsPerRequest.toFixed(2)} | ${cores(f.cpu)} | ${f.peakRssMb} |`;
}
const LOAD_HEAD = [
  "| server | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | timeouts / conn. errors | server CPU ms/req | CPU: server / pg / bench / other | peak RSS MB |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
];

export function ingestSection(
  r: IngestResults,
  settings: { connections: number; seconds: number; warmupSeconds: number },
): string[] {
  const out: string[] = [];
  const { baseline, floor, ours } = r.ack;
  out.push(
    `## Ingestion: acknowledgement (autocannon, ${settings.connections} connections, ${settings.seconds} s after a ${settings.warmupSeconds} s warm-up, unique signed InboundMessage per request)`,
    "",
  );
  out.push(...LOAD_HEAD, loadRow(baseline), loadRow(floor), loadRow(ours), "");
  const vsFloor = ours.requestsPerSecond / floor.requestsPerSecond;
  const vsLimit = ours.requestsPerSecond / baseline.requestsPerSecond;
  out.push(
    `Ours / floor: **${vsFloor.toFixed(2)}** (target ≥ ${TARGETS.oursOverFloor}: ${met(vsFloor >= TARGETS.oursOverFloor)}). Ours / limit: **${vsLimit.toFixed(2)}**. Floor / limit: ${(floor.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)}.`,
  );
  out.push(
    `Our p99: ${ms(ours.p99)} ms (target < ${TARGETS.ackP99} ms: ${met(ours.p99 < TARGETS.ackP99 && ours.ok === ours.requests)}).`,
    "",
    CPU_NOTE,
    "",
  );

  out.push(...drainSection(r.drains));

  out.push(...overloadSection(r.overload), "");

  const { live } = r;
  const cost = 1 - live.with.requestsPerSecond / live.without.requestsPerSecond;
  out.push(
    `## Ingestion: cost of ${live.streams} open /api/live streams (worker on, so events are applied and nudges go out)`,
    "",
  );
  out.push(...LOAD_HEAD, loadRow(live.without), loadRow(live.with), "");
  out.push(
    `Throughput cost: **${(cost * 100).toFixed(1)} %** (target < ${TARGETS.liveCost * 100} %: ${met(cost < TARGETS.liveCost)}); p99 ${ms(live.without.p99)} → ${ms(live.with.p99)} ms. Streams open at the end: ${live.openAtEnd} of ${live.streams}; live events (nudges) they received in all: ${int(live.eventsReceived)}.`,
  );
  return out;
}

export function readsSection(
  scales: number[],
  reads: Map<number, ReadFigure[]>,
  scroll: ScrollFigure[],
  opening: OpenFigure[] = [],
  sendBubble?: SendBubbleFigure,
): string[] {
  const out: string[] = ["## Reads (p50 / p95 ms over 100 runs after 10 warm-ups; plan checked with EXPLAIN)", ""];
  out.push(
    "Growth is the median's (p50) ratio between the two largest scales; the p95 ratio is shown beside it. At a few milliseconds a p95 moves with machine noise.",
    "",
  );
  out.push(
    `| query | ${scales.map((s) => `${s.toLocaleString("en-US")} msgs`).join(" | ")} | growth p50 (p95) ${scales.length > 1 ? `${scales.at(-2)!.toLocaleString("en-US")}→${scales.at(-1)!.toLocaleString("en-US")}` : "(one scale: none)"} | seq scan on messages | target |`,
  );
  out.push(`| --- | ${scales.map(() => "---:").join(" | ")} | ---: | --- | --- |`);
  reads.get(scales.at(-1)!)!.forEach((figure, index) => {
    const cells = scales.map((s) => `${ms(reads.get(s)![index]!.p50)} / ${ms(reads.get(s)![index]!.p95)}`);
    const before = scales.length > 1 ? reads.get(scales.at(-2)!)![index]! : figure;
    const growth = figure.p50 / Math.max(before.p50, 0.1);
    const isSearch = figure.name.startsWith("search");
    const isReport = figure.name.startsWith("report");
    const limit = figure.name.includes("concurrent")
      ? TARGETS.concurrentSearchP95
      : isSearch
        ? TARGETS.searchP95
        : isReport
          ? TARGETS.reportP95
          : TARGETS.listP95;
    const checksGrowth = !isSearch && !isReport;
    const anySeq = scales.some((s) => reads.get(s)![index]!.seqScanOnMessages);
    out.push(
      `| ${figure.name} | ${cells.join(" | ")} | ${growth.toFixed(2)}× (${(figure.p95 / Math.max(before.p95, 0.1)).toFixed(2)}×) | ${anySeq ? "**yes**" : "no"} | p95 < ${limit} ms${checksGrowth ? `, growth < ${TARGETS.growth}×` : ""}: ${met(figure.p95 < limit && (!checksGrowth || growth < TARGETS.growth))} |`,
    );
  });
  out.push("", "## Scrolling in Chromium (long tasks > 50 ms while scrolling)", "");
  if (scroll.length === 0) return [...out, "Not measured in this run (BENCH_SCROLL=0, or it failed: see the log)."];
  out.push("| view | long tasks | longest ms | target |", "| --- | ---: | ---: | --- |");
  for (const f of scroll)
    out.push(
      `| ${f.name} | ${f.longTasks} | ${f.longestTaskMs} | none over ${TARGETS.longTaskMs} ms: ${met(f.longestTaskMs <= TARGETS.longTaskMs)} |`,
    );
  return [...out, ...openingSection(opening), ...sendBubbleSection(sendBubble)];
}

/** From the key or click to the frame showing the newest message (scripts/bench/open-thread.ts). */
function openingSection(opening: OpenFigure[]): string[] {
  const out = ["", "## Opening a conversation in Chromium (input → newest message painted)", ""];
  if (opening.length === 0) return [...out, "Not measured in this run (BENCH_SCROLL=0, or it failed: see the log)."];
  out.push("| how | opens | p50 ms | p95 ms | max ms | target |", "| --- | ---: | ---: | ---: | ---: | --- |");
  for (const f of opening) {
    const warm = f.name.includes("warm");
    out.push(
      `| ${f.name} | ${f.samples}${f.timeouts ? ` (+${f.timeouts} not painted)` : ""} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.max)} | ${warm ? `p95 < ${OPEN_TARGET_P95_MS} ms: ${met(f.p95 < OPEN_TARGET_P95_MS && f.timeouts === 0)}` : "(first pass)"} |`,
    );
  }
  return out;
}

/** Ctrl+Enter to the reply's bubble painted (scripts/bench/send-bubble.ts). */
function sendBubbleSection(f?: SendBubbleFigure): string[] {
  const out = ["", "## Send → bubble in Chromium (Ctrl+Enter → the reply painted in the thread)", ""];
  if (!f) return [...out, "Not measured in this run (BENCH_SCROLL=0, or it failed: see the log)."];
  return [
    ...out,
    "| sends | p50 ms | p95 ms | max ms | target |",
    "| ---: | ---: | ---: | ---: | --- |",
    `| ${f.samples}${f.timeouts ? ` (+${f.timeouts} not painted)` : ""} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.max)} | p95 < ${SEND_BUBBLE_TARGET_P95_MS} ms: ${met(f.p95 < SEND_BUBBLE_TARGET_P95_MS && f.timeouts === 0)} |`,
  ];
}

const RESULTS = "docs/benchmark-results.md";
const marker = (name: string, end = false) => `<!-- bench:${name}${end ? " end" : ""} -->`;

/** Replaces the named sections of the results file (each with its own run line), keeping the others. */
export function writeResults(sections: Record<string, string[]>, runLine: string): void {
  const previous = existsSync(RESULTS) ? readFileSync(RESULTS, "utf8") : "";
  const kept = (name: string) => {
    const start = previous.indexOf(marker(name));
    const end = previous.indexOf(marker(name, true));
    return start >= 0 && end > start ? previous.slice(start, end + marker(name, true).length) : null;
  };
  const body = ["summary", "ingest", "sends", "reads"]
    .map((name) =>
      sections[name]
        ? [marker(name), "", runLine, "", ...sections[name]!, "", marker(name, true)].join("\n")
        : kept(name),
    )
    .filter((section): section is string => section !== null);
  writeFileSync(RESULTS, `# Benchmark results (generated by npm run bench)\n\n${body.join("\n\n")}\n`);
}

/** The drain table (also printed alone by BENCH_ONLY=drain). */
export function drainSection(drains: readonly DrainFigure[]): string[] {
  const out: string[] = [];
  out.push("## Ingestion: worker drain rate on PostgreSQL (events/s from the first to the last processed_at)", "");
  out.push(
    "| drainer | processes × concurrency, batch | events | events/s | wall s (start-up included) | failed | CPU: workers / pg / bench / other | target ≥ 1,000/s |",
  );
  out.push("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const d of drains) {
    out.push(
      `| ${d.name} | ${d.processes} × ${d.concurrency}, ${d.batch} | ${int(d.events)} | ${int(d.eventsPerSecond)} | ${d.wallSeconds.toFixed(1)} | ${d.failed} | ${cores(d.cpu)} | ${met(d.eventsPerSecond >= TARGETS.drainPerSecond)} |`,
    );
  }
  out.push("");
  return out;
}
