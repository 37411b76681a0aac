import http from "node:http";
import type { AddressInfo } from "node:net";

// The send benchmark's HighLevel: POST /conversations/messages answers as HighLevel does, and
// enforces HighLevel's limit of 100 requests per 10 s per location (a token is one location)
// with a sliding window, answering 429 with Retry-After beyond it. It counts what it saw.

const LIMIT = 100;
const WINDOW_MS = 10_000;

export interface SendStandIn {
  url: string;
  accepted: number;
  rateLimited: number;
  /** When each accepted send arrived, by token (ms since the stand-in started). */
  acceptedAt: Map<string, number[]>;
  close: () => Promise<void>;
}

export async function startSendStandIn(): Promise<SendStandIn> {
  const started = performance.now();
  const windows = new Map<string, number[]>();
  const state: Omit<SendStandIn, "url" | "close"> = { accepted: 0, rateLimited: 0, acceptedAt: new Map() };
  let ids = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/conversations/messages") {
        res.writeHead(404, { "content-type": "application/json" }).end('{"statusCode":404}');
        return;
      }
      const token = req.headers.authorization ?? "";
      const now = performance.now() - started;
      const recent = (windows.get(token) ?? []).filter((at) => at > now - WINDOW_MS);
      if (recent.length >= LIMIT) {
        state.rateLimited++;
        const retryAfter = Math.ceil((recent[0]! + WINDOW_MS - now) / 1000);
        res.writeHead(429, { "content-type": "application/json", "retry-after": String(retryAfter) });
        res.end('{"statusCode":429,"message":"Too many requests"}');
        windows.set(token, recent);
        return;
      }
      recent.push(now);
      windows.set(token, recent);
      state.accepted++;
      state.acceptedAt.set(token, [...(state.acceptedAt.get(token) ?? []), now]);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ conversationId: "hl-conv", messageId: `bench-msg-${++ids}`, msg: "Message queued" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
