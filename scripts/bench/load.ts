import autocannon from "autocannon";
import type { ChildProcess } from "node:child_process";
import { clientTrace } from "./client-trace";
import { jsThreadCpuMs, sampleCpu, splitCpu, treeRssMb, type CpuSplit } from "./processes";

// HTTP load with autocannon: a unique HighLevel InboundMessage per request, signed, against any
// of the servers (the baseline and the floor ignore the signature, but the client pays for
// signing for all three, so the comparison is not skewed by the load generator's own CPU).

export interface LoadOptions {
  name: string;
  url: string;
  servers: ChildProcess[];
  connections: number;
  seconds: number;
  sign: (body: string) => Record<string, string>;
  /** Client timeout in seconds (autocannon's unit); a timed-out request is counted and its connection replaced. */
  timeoutSeconds?: number;
  /** Keep the eventId of every 2xx answer (overload: were they all processed?). */
  collectEventIds?: boolean;
}

export interface LoadFigure {
  name: string;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  /** Percentiles over every answered request (2xx or not), in ms. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  ok: number;
  tooMany: number;
  serverErrors: number;
  otherStatus: number;
  timeouts: number;
  /** Connection errors other than timeouts (resets, refused). */
  errors: number;
  peakRssMb: number;
  /** Server tree CPU per answered request, ms. */
  cpuMsPerRequest: number;
  /** The servers' JavaScript threads alone (no libuv pool, GC helpers), per answered request, ms. */
  jsThreadMsPerRequest: number;
  cpu: CpuSplit;
  eventIds: string[];
}

const run = `${Date.now().toString(36)}-${process.pid}`;
let sequence = 0;

/** A delivery like HighLevel's: unique message id, 2,000 conversations over 10 locations. */
export function uniqueMessage(prefix = "bench-ingest"): string {
  sequence++;
  const conversation = sequence % 2000;
  return JSON.stringify({
    type: "InboundMessage",
    locationId: `bench-loc-${conversation % 10}`,
    contactId: `bench-contact-${conversation}`,
    conversationId: `bench-ingest-conv-${conversation}`,
    messageId: `${prefix}-${run}-${sequence}`,
    messageType: "SMS",
    direction: sequence % 3 === 0 ? "outbound" : "inbound",
    body: `Load test message ${sequence} about an appointment`,
    dateAdded: new Date().toISOString(),
    status: "delivered",
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export async function loadTest(options: LoadOptions): Promise<LoadFigure> {
  const { name, url, servers, connections, seconds, sign } = options;
  const latencies: number[] = [];
  const eventIds: string[] = [];
  let peakRssMb = 0;
  const rss = () =>
    (peakRssMb = Math.max(
      peakRssMb,
      servers.reduce((sum, server) => sum + treeRssMb(server.pid!), 0),
    ));
  const sampler = setInterval(rss, 500);
  const serverPids = servers.map((server) => server.pid!);
  const jsThreadBefore = jsThreadCpuMs(serverPids);
  const before = sampleCpu();
  const trace = clientTrace(name);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: "POST",
        connections,
        duration: seconds,
        timeout: options.timeoutSeconds ?? 10,
        headers: { "content-type": "application/json" },
        requests: [
          {
            setupRequest: (request) => {
              const body = uniqueMessage();
              return { ...request, body, headers: { ...request.headers, ...sign(body) } };
            },
            onResponse: options.collectEventIds
              ? (status: number, body: string) => {
                  if (status >= 200 && status < 300)
                    eventIds.push((JSON.parse(String(body)) as { eventId: string }).eventId);
                }
              : undefined,
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client: unknown, status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      trace?.response(status);
    });
    // autocannon reports a client timeout as this reqError.
    if (trace) instance.on("reqError", (error: Error) => error.message === "request timed out" && trace.timeout());
  });
  trace?.stop();
  const after = sampleCpu();
  const jsThreadMs = jsThreadCpuMs(serverPids) - jsThreadBefore;
  clearInterval(sampler);
  rss();
  latencies.sort((a, b) => a - b);
  const byClass = (test: (status: number) => boolean) =>
    Object.entries(result.statusCodeStats ?? {}).reduce(
      (sum, [status, { count }]) => (test(Number(status)) ? sum + (count ?? 0) : sum),
      0,
    );
  const cpu = splitCpu(before, after, serverPids);
  const elapsed = (after.at - before.at) / 1000;
  return {
    name,
    connections,
    seconds,
    requests: latencies.length,
    requestsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    ok: byClass((s) => s >= 200 && s < 300),
    tooMany: byClass((s) => s === 429),
    serverErrors: byClass((s) => s >= 500),
    otherStatus: byClass((s) => s < 200 || (s >= 300 && s < 500 && s !== 429)),
    timeouts: result.timeouts,
    errors: result.errors - result.timeouts,
    peakRssMb,
    cpuMsPerRequest: latencies.length ? (cpu.servers * elapsed * 1000) / latencies.length : NaN,
    jsThreadMsPerRequest: latencies.length ? jsThreadMs / latencies.length : NaN,
    cpu,
    eventIds,
  };
}
