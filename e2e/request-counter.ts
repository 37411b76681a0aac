import http from "node:http";
import type { AddressInfo } from "node:net";

// A request watcher the browser cannot get around: a proxy that every request for a host other
// than loopback goes through (plain http as GET http://host/..., https as CONNECT host:443),
// which records it and answers nothing useful. Playwright's own request events see only what
// the page reports; this sees what reaches the network.

// Chromium's own background services, not the page's doing.
const BROWSER_SERVICES = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com)(:\d+)?$/;

export interface RequestCounter {
  /** The proxy for browser.newContext({ proxy }): everything but the app on 127.0.0.1. */
  proxy: { server: string; bypass: string };
  /** Every request that reached the proxy, as "GET http://…" or "CONNECT host:443". */
  requests: string[];
  close(): Promise<void>;
}

export async function startRequestCounter(): Promise<RequestCounter> {
  const requests: string[] = [];
  const record = (method: string, target: string) => {
    const host = method === "CONNECT" ? target : new URL(target).host;
    if (!BROWSER_SERVICES.test(host)) requests.push(`${method} ${target}`);
  };
  const server = http.createServer((request, response) => {
    record(request.method ?? "GET", request.url ?? "");
    response.writeHead(404).end();
  });
  server.on("connect", (request, socket) => {
    record("CONNECT", request.url ?? "");
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    // Naming the loopback address keeps Playwright from proxying it (its default is <-loopback>).
    proxy: { server: `http://127.0.0.1:${port}`, bypass: "127.0.0.1" },
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
