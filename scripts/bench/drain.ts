import { randomUUID } from "node:crypto";
import type { ChildProcess } from "node:child_process";
import type pg from "pg";
import { highLevel } from "@/lib/providers/highlevel";
import { uniqueMessage } from "./load";
import { sampleCpu, splitCpu, stopProcess, type CpuSplit } from "./processes";

// How fast workers empty the event log on PostgreSQL. The rate is taken from the events' own
// processed_at (first to last), so a worker's start-up (tsx, migrations check) is not counted
// against it; the wall time from start to an empty backlog is shown beside it.

export interface DrainFigure {
  name: string;
  processes: number;
  concurrency: number;
  batch: number;
  events: number;
  failed: number;
  /** From the first to the last processed_at. */
  seconds: number;
  eventsPerSecond: number;
  /** From starting the worker(s) to an empty backlog, start-up included. */
  wallSeconds: number;
  cpu: CpuSplit;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Events a worker still has to apply: status received or processing. */
export async function backlog(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    "SELECT count(*) AS n FROM webhook_events WHERE status IN ('received', 'processing')",
  );
  return Number(rows[0]!.n);
}

/** Polls until nothing is waiting; returns the milliseconds it took, or throws after `timeoutMs`. */
export async function waitForEmptyBacklog(client: pg.Client, timeoutMs: number, pollMs = 200): Promise<number> {
  const started = Date.now();
  for (;;) {
    const left = await backlog(client);
    if (left === 0) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`backlog still ${left} after ${timeoutMs / 1000} s`);
    await sleep(pollMs);
  }
}

/**
 * Stores `count` new deliveries straight into the log, as the ack path would (same envelope,
 * same raw bytes), without HTTP: the drain measurement needs a backlog, not another ack run.
 */
export async function storeFreshEvents(client: pg.Client, count: number): Promise<void> {
  const chunk = 5_000;
  for (let offset = 0; offset < count; offset += chunk) {
    const columns: string[][] = [[], [], [], [], []];
    for (let i = 0; i < Math.min(chunk, count - offset); i++) {
      const body = uniqueMessage("bench-drain");
      const envelope = highLevel.envelope(JSON.parse(body));
      const row = [randomUUID(), envelope.dedupeKey, envelope.eventType ?? "", envelope.accountExternalId ?? "", body];
      row.forEach((value, c) => {
        columns[c]!.push(value);
      });
    }
    await client.query(
      `INSERT INTO webhook_events (id, provider, dedupe_key, event_type, account_external_id, raw_body, status)
       SELECT id, 'highlevel', k, t, a, convert_to(b, 'UTF8'), 'received'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, k, t, a, b)`,
      columns,
    );
  }
}

export interface DrainRun {
  name: string;
  processes: number;
  concurrency: number;
  batch: number;
  timeoutMs: number;
  /** Starts whatever drains (workers, or an app with its in-process worker); called once the clock runs. */
  start: () => ChildProcess[] | Promise<ChildProcess[]>;
}

/** Starts the drainers, waits for an empty backlog, and reads the rate off processed_at. Leaves them running. */
export async function measureDrain(
  client: pg.Client,
  run: DrainRun,
): Promise<{ figure: DrainFigure; started: ChildProcess[] }> {
  const since = new Date();
  const cpuBefore = sampleCpu();
  const started = await run.start();
  const wallMs = await waitForEmptyBacklog(client, run.timeoutMs);
  const cpu = splitCpu(
    cpuBefore,
    sampleCpu(),
    started.map((child) => child.pid!),
  );
  const { rows } = await client.query<{ done: string; failed: string; first: Date | null; last: Date | null }>(
    `SELECT count(*) FILTER (WHERE status IN ('processed', 'ignored')) AS done, count(*) FILTER (WHERE status = 'failed') AS failed,
            min(processed_at) AS first, max(processed_at) AS last
     FROM webhook_events WHERE processed_at >= $1`,
    [since],
  );
  const row = rows[0]!;
  const events = Number(row.done);
  const seconds = row.first && row.last ? (row.last.getTime() - row.first.getTime()) / 1000 : NaN;
  return {
    figure: {
      name: run.name,
      processes: run.processes,
      concurrency: run.concurrency,
      batch: run.batch,
      events,
      failed: Number(row.failed),
      seconds,
      eventsPerSecond: events / seconds,
      wallSeconds: wallMs / 1000,
      cpu,
    },
    started,
  };
}

/** `count` worker processes (`startWorker`: npm run worker), measured on `events` fresh deliveries, then stopped. */
export async function measureWorkerProcesses(
  client: pg.Client,
  count: number,
  events: number,
  options: { concurrency: number; batch: number; timeoutMs: number; beforeStart: () => Promise<unknown> },
  startWorker: () => ChildProcess,
): Promise<DrainFigure> {
  await storeFreshEvents(client, events);
  await options.beforeStart();
  const { figure, started } = await measureDrain(client, {
    name: `npm run worker × ${count}`,
    processes: count,
    concurrency: options.concurrency,
    batch: options.batch,
    timeoutMs: options.timeoutMs,
    start: () => Array.from({ length: count }, startWorker),
  });
  await Promise.all(started.map((child) => stopProcess(child)));
  return figure;
}
