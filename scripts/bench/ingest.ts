import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

// HTTP webhooks per second and latency through the real endpoint under concurrent load, beside
// the raw-INSERT baseline measured in the same run, with the server's peak RSS.

export interface IngestFigure {
  name: string;
  concurrency: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  peakRssMb: number;
}

let sequence = 0;
function uniqueMessage(): string {
  sequence++;
  const conversation = sequence % 2000;
  return JSON.stringify({
    type: "InboundMessage",
    locationId: `bench-loc-${conversation % 10}`,
    contactId: `bench-contact-${conversation}`,
    conversationId: `bench-ingest-conv-${conversation}`,
    messageId: `bench-ingest-${process.pid}-${sequence}`,
    messageType: "SMS",
    direction: sequence % 3 === 0 ? "outbound" : "inbound",
    body: `Load test message ${sequence} about an appointment`,
    dateAdded: new Date().toISOString(),
    status: "delivered",
  });
}

function treeRssKb(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // process ended
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      total += Number(match?.[1] ?? 0);
    } catch {
      // gone
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export async function waitForUrl(url: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url);
      return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not come up`);
}

const started: ChildProcess[] = [];
process.on("exit", () => started.forEach((child) => child.kill()));

export function startProcess(command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  started.push(child);
  return child;
}

export async function loadTest(
  name: string,
  url: string,
  server: ChildProcess,
  concurrency: number,
  seconds: number,
  sign: (body: string) => Record<string, string> = () => ({}),
): Promise<IngestFigure> {
  const latencies: number[] = [];
  let peakKb = 0;
  const sampler = setInterval(() => (peakKb = Math.max(peakKb, treeRssKb(server.pid!))), 200);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: "POST",
        connections: concurrency,
        duration: seconds,
        headers: { "content-type": "application/json" },
        requests: [
          {
            setupRequest: (request) => {
              const body = uniqueMessage();
              return { ...request, body, headers: { ...request.headers, ...sign(body) } };
            },
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
      latencies.push(responseTime),
    );
  });
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return {
    name,
    concurrency,
    requestsPerSecond: result.requests.total / seconds,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    non2xx: result.non2xx + result.errors + result.timeouts,
    peakRssMb: Math.round(peakKb / 1024),
  };
}
