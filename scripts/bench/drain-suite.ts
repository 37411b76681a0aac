import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import type pg from "pg";
import { measureDrain, measureWorkerProcesses, storeFreshEvents, type DrainFigure } from "./drain";
import { startProcess, stopProcess } from "./processes";

// The worker's drain rates: the in-process worker on the stored backlog (or on fresh events for
// BENCH_ONLY=drain), then npm run worker × 1 and × 2 on fresh events each.

export interface DrainTools {
  node: (phase: string, env: Record<string, string>, ...args: string[]) => ChildProcess;
  startApp: (worker: "on" | "off", phase: string) => Promise<ChildProcess>;
  quiet: () => Promise<unknown>;
  log: (line: string) => void;
}

export interface DrainConfig {
  drainEvents: number;
  drainTimeoutMs: number;
  profileDir?: string;
  appEnv: Record<string, string>;
}

const workerSetting = (name: string, fallback: number) =>
  Number(process.env[name]) > 0 ? Number(process.env[name]) : fallback;

export async function measureDrains(
  client: pg.Client,
  config: DrainConfig,
  tools: DrainTools,
  freshForInProcess: boolean,
): Promise<DrainFigure[]> {
  const { node, startApp, quiet, log } = tools;
  const timeoutMs = config.drainTimeoutMs;
  const drains: DrainFigure[] = [];
  // BENCH_ONLY=drain builds nothing: without a build the in-process worker is left out.
  if (!freshForInProcess || existsSync(".next/BUILD_ID")) {
    if (freshForInProcess) await storeFreshEvents(client, config.drainEvents);
    await quiet();
    const inProcess = await measureDrain(client, {
      name: "in-process worker (next start, no load)",
      processes: 1,
      timeoutMs,
      concurrency: workerSetting("THREADLINE_WORKER_CONCURRENCY", 4),
      batch: workerSetting("THREADLINE_WORKER_BATCH", 200),
      start: async () => [await startApp("on", "in-process-drain")],
    });
    await Promise.all(inProcess.started.map((child) => stopProcess(child)));
    drains.push(inProcess.figure);
    log(`  ${inProcess.figure.name}: ${inProcess.figure.eventsPerSecond.toFixed(0)} events/s`);
  }
  const workerOptions = {
    concurrency: workerSetting("THREADLINE_WORKER_CONCURRENCY", 8),
    batch: workerSetting("THREADLINE_WORKER_BATCH", 200),
    timeoutMs,
  };
  for (const count of [1, 2]) {
    drains.push(
      await measureWorkerProcesses(client, count, config.drainEvents, { ...workerOptions, beforeStart: quiet }, () =>
        config.profileDir
          ? node(`workers-${count}`, {}, "--import", "tsx", "scripts/worker.ts") // what npm run worker runs, minus npm and tsx's wrapper
          : startProcess("npm", ["run", "--silent", "worker"], config.appEnv),
      ),
    );
    log(`  ${drains.at(-1)!.name}: ${drains.at(-1)!.eventsPerSecond.toFixed(0)} events/s`);
  }
  return drains;
}
