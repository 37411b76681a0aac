import http from "node:http";
import { isTrustedProxy, SOCKET_ADDRESS_HEADER, sealedSocketAddress } from "@/lib/access/authentication/client-address";

// Installed once at start-up (instrumentation.ts), before Next.js sees any request: every
// request gets its socket address in a sealed header (see client-address.ts), replacing
// whatever the client sent under that name, and the forwarding headers of a client that is not
// a trusted proxy are dropped, so Next fills them from the socket itself and no library
// downstream can be steered by them.

const FORWARDING_HEADERS = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "forwarded",
  "x-real-ip",
];

// `delete` only for a header that is there: deleting turns V8's headers object into a slow
// dictionary for every later read by Next.js, and clients almost never send these headers.
function stamp(request: http.IncomingMessage): void {
  const { headers } = request;
  const address = request.socket?.remoteAddress;
  if (address) headers[SOCKET_ADDRESS_HEADER] = sealedSocketAddress(address);
  else if (SOCKET_ADDRESS_HEADER in headers) delete headers[SOCKET_ADDRESS_HEADER];
  if (isTrustedProxy(address ?? null)) return;
  for (const name of FORWARDING_HEADERS) if (name in headers) delete headers[name];
}

const globalForStamp = globalThis as unknown as { threadlineSocketStamp?: boolean };

/** Wraps http.Server's emit (every server in the process, those already listening included). */
export function installSocketStamp(): void {
  if (globalForStamp.threadlineSocketStamp) return;
  globalForStamp.threadlineSocketStamp = true;
  const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function emitStamped(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") stamp(args[0] as http.IncomingMessage);
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}
