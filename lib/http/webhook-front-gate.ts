import { randomUUID } from "node:crypto";
import http from "node:http";
import { codeForStatus } from "./errors";
import { FrontGate, GATE_WAIT_HEADER, type FrontGatePolicy } from "./front-gate";
import { widenListenBacklog } from "./listen-backlog";
import { API_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./security-headers";

// Puts FrontGate (front-gate.ts) on the HTTP server, in front of Next.js: every POST to
// /api/webhooks/… passes through it before Next.js sees the request. Installed once at start-up
// (instrumentation.ts), like the socket stamp, by wrapping http.Server's emit.

const setting = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = Number(raw);
  return raw !== undefined && raw !== "" && Number.isFinite(value) ? value : fallback;
};

export function frontGatePolicy(): FrontGatePolicy {
  return {
    concurrency: Math.max(1, setting("THREADLINE_WEBHOOK_CONCURRENCY", 64)),
    maxWaitMs: setting("THREADLINE_WEBHOOK_QUEUE_WAIT_MS", 2_000),
    maxQueued: setting("THREADLINE_WEBHOOK_MAX_QUEUED", 4_096),
  };
}

const isWebhookDelivery = (request: http.IncomingMessage) =>
  request.method === "POST" && request.url !== undefined && request.url.startsWith("/api/webhooks/");

const REFUSAL = JSON.stringify({
  error: "webhook deliveries refused for now (queue), retry later",
  code: codeForStatus(429),
});

/** The 429 the route would answer, written without Next.js (its headers included). */
function refuse(response: http.ServerResponse, retryAfterSeconds: number): void {
  if (response.headersSent || response.destroyed) return;
  const headers: http.OutgoingHttpHeaders = {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(REFUSAL),
    "retry-after": String(retryAfterSeconds),
    "x-request-id": randomUUID(),
    "content-security-policy": API_CONTENT_SECURITY_POLICY,
  };
  for (const { key, value } of SECURITY_HEADERS) headers[key.toLowerCase()] = value;
  // The unread body is discarded by Node once the answer is sent; the connection stays open.
  response.writeHead(429, headers);
  response.end(REFUSAL);
}

type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;

/** `emit` with webhook deliveries put through `gate` first (and the listen backlog widened at the first connection). */
export function gatedEmit(gate: FrontGate, emit: Emit): Emit {
  return function emitGated(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "connection") widenListenBacklog(this);
    if (event !== "request") return emit.call(this, event, ...args);
    const request = args[0] as http.IncomingMessage;
    if (!isWebhookDelivery(request)) return emit.call(this, event, ...args);
    const response = args[1] as http.ServerResponse;
    const arrived = performance.now();
    gate.offer({
      pass: () => {
        response.once("close", () => gate.release());
        // Always set (a sender's own value is replaced): the route shortens its deadline by it.
        request.headers[GATE_WAIT_HEADER] = String(Math.round(performance.now() - arrived));
        emit.call(this, event, ...args);
      },
      refuse: (retryAfterSeconds) => refuse(response, retryAfterSeconds),
      gone: () => request.socket.destroyed,
    });
    return true;
  };
}

/** Refuses overdue deliveries a few times a second, even when none arrives or leaves; unref: never keeps the process up. */
export function refuseOverdueEvery(gate: FrontGate, ms = 100): NodeJS.Timeout {
  return setInterval(() => gate.refuseOverdue(), ms).unref();
}

const globalForGate = globalThis as unknown as { threadlineWebhookFrontGate?: FrontGate };

/** Wraps http.Server's emit (every server in the process); `THREADLINE_WEBHOOK_CONCURRENCY=0` leaves it off. */
export function installWebhookFrontGate(): void {
  if (globalForGate.threadlineWebhookFrontGate || process.env.THREADLINE_WEBHOOK_CONCURRENCY === "0") return;
  const gate = new FrontGate(frontGatePolicy());
  globalForGate.threadlineWebhookFrontGate = gate;
  http.Server.prototype.emit = gatedEmit(gate, http.Server.prototype.emit as Emit) as typeof http.Server.prototype.emit;
  refuseOverdueEvery(gate);
}
