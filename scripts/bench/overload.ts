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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
