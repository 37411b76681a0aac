import type { OverloadResults } from "./overload";
import type { CpuSplit } from "./processes";

// The overload table of docs/benchmark-results.md: one row per run, each beside the targets of
// issue #28 (0 timeouts and 0 5xx in every run; goodput, 2xx per second while shedding, at least
// 80 % of the 32-connection acknowledgement rate; every 2xx processed soon after).

export const OVERLOAD_TARGETS = { goodputShare: 0.8, processAllSeconds: 60 };

const int = (value: number) => Math.round(value).toLocaleString("en-US");
const met = (ok: boolean) => (ok ? "met" : "**MISSED**");
const cores = (cpu: CpuSplit) =>
  `${cpu.servers.toFixed(2)} / ${cpu.postgres.toFixed(2)} / ${cpu.bench.toFixed(2)} / ${cpu.other.toFixed(2)}`;

export function overloadSection({ reference, runs }: OverloadResults): string[] {
  const first = runs[0]?.load;
  if (!first) return [];
  const goodputTarget = reference.requestsPerSecond * OVERLOAD_TARGETS.goodputShare;
  const out = [
    `## Ingestion: overload × ${runs.length} (${first.connections} connections, ${first.seconds} s each, ${runs[0]!.timeoutSeconds} s client timeout, worker on)`,
    "",
    `Goodput is 2xx per second over the run; its target is ${OVERLOAD_TARGETS.goodputShare * 100} % of the same app's 32-connection acknowledgement rate measured just before (worker on, ${int(reference.requestsPerSecond)} req/s, CPU ${cores(reference.cpu)}): ≥ ${int(goodputTarget)}/s.`,
    "",
    "| run | timeouts | 5xx | 2xx | 429 | goodput 2xx/s | p50 / p99 / max ms | 2xx processed | s to last 2xx processed | CPU: server / pg / bench / other | targets: 0 timeouts, 0 5xx, goodput, processed |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |",
  ];
  let passed = 0;
  for (const [index, o] of runs.entries()) {
    const l = o.load;
    const goodput = l.ok / l.seconds;
    const processed =
      o.okProcessed === l.ok &&
      o.secondsToProcessAll !== null &&
      o.secondsToProcessAll <= OVERLOAD_TARGETS.processAllSeconds;
    const checks = [l.timeouts === 0, l.serverErrors === 0, goodput >= goodputTarget, processed];
    if (checks.every(Boolean)) passed++;
    out.push(
      `| ${index + 1} | ${l.timeouts} | ${l.serverErrors} | ${int(l.ok)} | ${int(l.tooMany)} | ${int(goodput)} (${((goodput / reference.requestsPerSecond) * 100).toFixed(0)} %) | ${l.p50.toFixed(0)} / ${l.p99.toFixed(0)} / ${int(l.max)} | ${int(o.okProcessed)} of ${int(l.ok)}${o.okFailed ? `, ${o.okFailed} failed` : ""} | ${o.secondsToProcessAll === null ? "not all" : o.secondsToProcessAll.toFixed(1)} | ${cores(l.cpu)} | ${checks.map(met).join(", ")} |`,
    );
  }
  const safe = runs.filter((o) => o.load.timeouts === 0 && o.load.serverErrors === 0).length;
  out.push(
    "",
    `Runs with 0 timeouts and 0 5xx: **${safe} of ${runs.length}** (target: every run, ${met(safe === runs.length)}). Runs meeting every target: ${passed} of ${runs.length}. Other statuses and connection errors (resets, refusals) over all runs: ${runs.reduce((sum, o) => sum + o.load.otherStatus, 0)} / ${runs.reduce((sum, o) => sum + o.load.errors, 0)}.`,
  );
  return out;
}
