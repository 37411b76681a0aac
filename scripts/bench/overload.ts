import type { ChildProcess } from "node:child_process";
import type pg from "pg";
import { loadTest, type LoadFigure } from "./load";

// Far more senders than the server admits: it must shed load with fast 429s (which HighLevel
// retries), never time out or fail, and every delivery it answered 2xx must be applied soon
// after — an acknowledgement is a promise.

export interface OverloadFigure {
  load: LoadFigure;
  /** Deliveries this run stored (received_at since it started), answered or not. */
  stored: number;
  /** Of the eventIds answered 2xx, how many were processed (or ignored) in the end. */
  okProcessed: number;
  okFailed: number;
  /** Distinct events of this run processed, against the 2xx answers (a delivery in flight when the client stopped is stored but unanswered). */
  processedThisRun: number;
  /** From the end of the load to the last 2xx-answered event's processed_at; null if not all were processed in time. */
  secondsToProcessAll: number | null;
  timeoutSeconds: number;
}

export interface OverloadResults {
  /** The 32-connection acknowledgement rate of the same app, worker on: the goodput target is a share of it. */
  reference: LoadFigure;
  runs: OverloadFigure[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * BENCH_OVERLOAD_RUNS overloads in a row against one app, each after the backlog is empty: one
 * run proves little (the timeouts came in two runs of five), the target is every run.
 */
export async function measureOverloadRuns(
  client: pg.Client,
  options: {
    url: string;
    server: ChildProcess;
    reference: LoadFigure;
    runs: number;
    connections: number;
    seconds: number;
    timeoutSeconds: number;
    waitSeconds: number;
    sign: (body: string) => Record<string, string>;
    log: (line: string) => void;
    prepare: () => Promise<unknown>;
    retryWhileShared: <T>(
      take: () => Promise<T>,
      other: (figure: T) => number,
      prepare: () => Promise<unknown>,
    ) => Promise<T>;
  },
): Promise<OverloadResults> {
  const runs: OverloadFigure[] = [];
  for (let run = 1; run <= options.runs; run++) {
    options.log(
      `  overload ${run}/${options.runs}: ${options.connections} connections for ${options.seconds} s, ${options.timeoutSeconds} s client timeout…`,
    );
    const figure = await options.retryWhileShared(
      () => measureOverload(client, { ...options, waitMs: options.waitSeconds * 1000 }),
      (f) => f.load.cpu.other,
      options.prepare,
    );
    const l = figure.load;
    options.log(
      `    timeouts ${l.timeouts}, 5xx ${l.serverErrors}, 2xx ${l.ok}, 429 ${l.tooMany}, goodput ${(l.ok / l.seconds).toFixed(0)}/s (${((l.ok / l.seconds / options.reference.requestsPerSecond) * 100).toFixed(0)} % of ${options.reference.requestsPerSecond.toFixed(0)}/s), CPU server/pg/bench/other ${[l.cpu.servers, l.cpu.postgres, l.cpu.bench, l.cpu.other].map((c) => c.toFixed(2)).join(" / ")}`,
    );
    runs.push(figure);
  }
  return { reference: options.reference, runs };
}

export async function measureOverload(
  client: pg.Client,
  options: {
    url: string;
    server: ChildProcess;
    connections: number;
    seconds: number;
    timeoutSeconds: number;
    waitMs: number;
    sign: (body: string) => Record<string, string>;
  },
): Promise<OverloadFigure> {
  const since = new Date();
  const load = await loadTest({
    name: `overload: ${options.connections} connections, ${options.timeoutSeconds} s client timeout`,
    url: options.url,
    servers: [options.server],
    connections: options.connections,
    seconds: options.seconds,
    timeoutSeconds: options.timeoutSeconds,
    sign: options.sign,
    collectEventIds: true,
  });
  const ended = Date.now();
  // Cheap to poll (status index) while the worker drains; the 2xx ids are checked once at the end.
  for (;;) {
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM webhook_events WHERE received_at >= $1 AND status IN ('received', 'processing')",
      [since],
    );
    if (Number(rows[0]!.n) === 0 || Date.now() - ended > options.waitMs) break;
    await sleep(250);
  }
  const ids = [...new Set(load.eventIds)];
  const { rows: okRows } = await client.query<{ done: string; failed: string; last: Date | null }>(
    `SELECT count(*) FILTER (WHERE status IN ('processed', 'ignored')) AS done, count(*) FILTER (WHERE status = 'failed') AS failed,
            max(processed_at) AS last
     FROM webhook_events WHERE id = ANY($1::text[])`,
    [ids],
  );
  const { rows: runRows } = await client.query<{ stored: string; processed: string }>(
    `SELECT count(*) AS stored, count(*) FILTER (WHERE status IN ('processed', 'ignored')) AS processed
     FROM webhook_events WHERE received_at >= $1`,
    [since],
  );
  const ok = okRows[0]!;
  const okProcessed = Number(ok.done);
  return {
    load,
    timeoutSeconds: options.timeoutSeconds,
    stored: Number(runRows[0]!.stored),
    okProcessed,
    okFailed: Number(ok.failed),
    processedThisRun: Number(runRows[0]!.processed),
    secondsToProcessAll:
      okProcessed === ids.length ? Math.max(0, ((ok.last?.getTime() ?? ended) - ended) / 1000) : null,
  };
}
