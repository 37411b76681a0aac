import type { IngestResults } from "./ingest-suite";
import { OPEN_TARGET_P95_MS, type OpenFigure } from "./open-thread";
import { OVERLOAD_TARGETS } from "./overload-report";
import type { CpuSplit } from "./processes";
import type { ReadFigure } from "./read-queries";
import { TARGETS } from "./report";
import type { SendFigures } from "./sends";
import { SEND_BUBBLE_TARGET_P95_MS, type SendBubbleFigure } from "./send-bubble";

// Issue #28's table in one place: every figure a full `npm run bench` measured, each beside its
// target, with the CPU split of the measurement that produced it ("other" above ~0.1 cores means
// something else shared the machine and the figure is not a quiet one). The parts' own sections
// keep the detail; this is the page a reader checks first.

export interface SummaryInputs {
  /** The largest scale's reads (the concurrent searches are among them). */
  reads?: { scale: number; figures: ReadFigure[] };
  opening: OpenFigure[];
  sendBubble?: SendBubbleFigure;
  ingest?: IngestResults;
  sends?: SendFigures;
}

interface Row {
  figure: string;
  value: string;
  target: string;
  /** null: shown beside a reference, no pass/fail. */
  met: boolean | null;
  cpu?: CpuSplit;
}

const int = (value: number) => Math.round(value).toLocaleString("en-US");
const ms = (value: number) => `${value.toFixed(0)} ms`;
const cores = (cpu?: CpuSplit) =>
  cpu
    ? `${cpu.servers.toFixed(2)} / ${cpu.postgres.toFixed(2)} / ${cpu.bench.toFixed(2)} / ${cpu.other.toFixed(2)}`
    : "—";
const verdict = (met: boolean | null) => (met === null ? "" : met ? "met" : "**MISSED**");
const hasCpu = (figure: ReadFigure): figure is ReadFigure & { cpu: CpuSplit } => "cpu" in figure;

function ingestRows(r: IngestResults): Row[] {
  const { floor, ours } = r.ack;
  const ratio = ours.requestsPerSecond / floor.requestsPerSecond;
  const rows: Row[] = [
    {
      figure: "webhook acknowledgement / Next.js floor, 32 connections",
      value: `${ratio.toFixed(2)}× (${int(ours.requestsPerSecond)} vs ${int(floor.requestsPerSecond)} req/s; server CPU ${ours.cpuMsPerRequest.toFixed(2)} vs ${floor.cpuMsPerRequest.toFixed(2)} ms/request)`,
      target: `≥ ${TARGETS.oursOverFloor}×`,
      met: ratio >= TARGETS.oursOverFloor,
      cpu: ours.cpu,
    },
  ];
  for (const d of r.drains)
    rows.push({
      figure: `worker drain: ${d.name}`,
      value: `${int(d.eventsPerSecond)} events/s (${int(d.events)} events, ${d.failed} failed)`,
      target: `≥ ${int(TARGETS.drainPerSecond)} events/s`,
      met: d.eventsPerSecond >= TARGETS.drainPerSecond,
      cpu: d.cpu,
    });
  const { runs, reference } = r.overload;
  const safe = runs.filter((o) => o.load.timeouts === 0 && o.load.serverErrors === 0).length;
  const shares = runs.map((o) => o.load.ok / o.load.seconds / reference.requestsPerSecond);
  const worst = runs.reduce((a, b) => (a.load.cpu.other >= b.load.cpu.other ? a : b), runs[0]!);
  rows.push(
    {
      figure: `${runs[0]?.load.connections ?? 0} connections × ${runs[0]?.load.seconds ?? 0} s: runs with 0 timeouts and 0 5xx`,
      value: `${safe} of ${runs.length} (timeouts per run: ${runs.map((o) => o.load.timeouts).join(", ")}; 5xx: ${runs.map((o) => o.load.serverErrors).join(", ")})`,
      target: "every run",
      met: safe === runs.length && runs.length > 0,
      cpu: worst?.load.cpu,
    },
    {
      figure: "goodput while overloaded (2xx/s vs the 32-connection ack, worker on)",
      value: `${shares.map((s) => `${(s * 100).toFixed(0)} %`).join(", ")} of ${int(reference.requestsPerSecond)} req/s`,
      target: `≥ ${OVERLOAD_TARGETS.goodputShare * 100} % in every run`,
      met: shares.length > 0 && shares.every((s) => s >= OVERLOAD_TARGETS.goodputShare),
      cpu: worst?.load.cpu,
    },
  );
  const cost = 1 - r.live.with.requestsPerSecond / r.live.without.requestsPerSecond;
  rows.push({
    figure: `${r.live.streams} open live streams: cost to acknowledgement`,
    value: `${(cost * 100).toFixed(1)} %`,
    target: `< ${TARGETS.liveCost * 100} %`,
    met: cost < TARGETS.liveCost,
    cpu: r.live.with.cpu,
  });
  return rows;
}

function searchRows(scale: number, figures: ReadFigure[]): Row[] {
  return figures
    .filter((f) => f.name.includes("concurrent users"))
    .map((f) => ({
      figure: `${f.name.replace(/^search: /, "search, ")} at ${int(scale)} messages, p95 (p50)`,
      value: `${ms(f.p95)} (${ms(f.p50)})`,
      target: `p95 < ${TARGETS.concurrentSearchP95} ms`,
      met: f.p95 < TARGETS.concurrentSearchP95,
      cpu: hasCpu(f) ? f.cpu : undefined,
    }));
}

function openingRows(opening: OpenFigure[]): Row[] {
  return opening.map((f) => {
    const warm = f.name.includes("warm");
    return {
      figure: `opening a conversation in Chromium, ${f.name}, p95 (p50)`,
      value: `${ms(f.p95)} (${ms(f.p50)})${f.timeouts ? `, ${f.timeouts} not painted` : ""}`,
      target: warm ? `p95 < ${OPEN_TARGET_P95_MS} ms` : "(first pass: shown, no target)",
      met: warm ? f.p95 < OPEN_TARGET_P95_MS && f.timeouts === 0 : null,
    };
  });
}

function sendBubbleRow(f: SendBubbleFigure): Row {
  return {
    figure: "send path: Send → bubble painted in Chromium (Ctrl+Enter → the reply in the thread), p95 (p50)",
    value: `${ms(f.p95)} (${ms(f.p50)}), ${f.samples} sends${f.timeouts ? `, ${f.timeouts} not painted` : ""}`,
    target: `p95 < ${SEND_BUBBLE_TARGET_P95_MS} ms`,
    met: f.p95 < SEND_BUBBLE_TARGET_P95_MS && f.timeouts === 0,
  };
}

/** The summary table, or nothing when the run measured none of its parts. */
export function summarySection(inputs: SummaryInputs): string[] {
  const rows: Row[] = [
    ...(inputs.ingest ? ingestRows(inputs.ingest) : []),
    ...(inputs.reads ? searchRows(inputs.reads.scale, inputs.reads.figures) : []),
    ...openingRows(inputs.opening),
    ...(inputs.sendBubble ? [sendBubbleRow(inputs.sendBubble)] : []),
    ...(inputs.sends?.rows.map((row) => ({ ...row, figure: `send path: ${row.figure}` })) ?? []),
  ];
  if (rows.length === 0) return [];
  const judged = rows.filter((row) => row.met !== null);
  return [
    "## Issue #28's targets in this run",
    "",
    "CPU is cores busy during the measurement behind the row (2 = the whole machine): server / PostgreSQL / the bench / everything else. " +
      '"Everything else" above ~0.1 means the machine was shared and the row is not a quiet figure.',
    "",
    "| figure | value | target | | CPU: server / pg / bench / other |",
    "| --- | --- | --- | --- | ---: |",
    ...rows.map((row) => `| ${row.figure} | ${row.value} | ${row.target} | ${verdict(row.met)} | ${cores(row.cpu)} |`),
    "",
    `Met: **${judged.filter((row) => row.met).length} of ${judged.length}** targets.`,
  ];
}
