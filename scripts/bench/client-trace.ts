import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";

// BENCH_TRACE=<folder>: the load generator's side of trace-preload.cjs, one JSON line per second
// in <folder>/client-<pid>.jsonl: answers and client timeouts that second, and this process's own
// worst event-loop delay (a stalled load generator times requests out that were answered).

export interface ClientTrace {
  response: (status: number) => void;
  timeout: () => void;
  stop: () => void;
}

export function clientTrace(name: string): ClientTrace | undefined {
  const folder = process.env.BENCH_TRACE;
  if (!folder) return undefined;
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `client-${process.pid}.jsonl`);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let window = { responses: 0, tooMany: 0, timeouts: 0 };
  const timer = setInterval(() => {
    const line = { t: Date.now(), name, ...window, loopMaxMs: Math.round(loop.max / 1e6) };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
    loop.reset();
    window = { responses: 0, tooMany: 0, timeouts: 0 };
  }, 1000);
  return {
    response: (status) => {
      window.responses++;
      if (status === 429) window.tooMany++;
    },
    timeout: () => window.timeouts++,
    stop: () => {
      clearInterval(timer);
      loop.disable();
    },
  };
}
