import type { Server } from "node:net";

// `next start` listens with Node's default backlog of 511 pending connections. When 1,000 senders
// connect at once (or reconnect after a timeout), the kernel drops the SYNs beyond it
// (TcpExtListenOverflows), and a dropped sender retries its SYN after 1, 3, 7, 15 s: its delivery
// times out before our server ever sees it, and its next connection makes the storm worse. Calling
// listen() again on a listening socket only changes its backlog (Linux; capped at
// net.core.somaxconn), so the first connection widens it.

const widened = new WeakSet<Server>();

interface ListeningHandle {
  listen?: (backlog: number) => number;
}

/** Once per server: its listen backlog becomes THREADLINE_LISTEN_BACKLOG (default 4096; 0 leaves it). */
export function widenListenBacklog(server: Server): void {
  if (widened.has(server)) return;
  widened.add(server);
  const backlog = Number(process.env.THREADLINE_LISTEN_BACKLOG ?? 4096);
  if (!Number.isInteger(backlog) || backlog <= 0) return;
  // Node keeps the listening socket in _handle (not public API): anything else and this does nothing.
  const handle = (server as unknown as { _handle?: ListeningHandle | null })._handle;
  if (typeof handle?.listen === "function") handle.listen(backlog);
}
