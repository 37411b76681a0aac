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

function stamp(request: http.IncomingMessage): void {
  const address = request.socket?.remoteAddress;
  delete request.headers[SOCKET_ADDRESS_HEADER];
  if (address) request.headers[SOCKET_ADDRESS_HEADER] = sealedSocketAddress(address);
  if (!isTrustedProxy(address ?? null)) for (const name of FORWARDING_HEADERS) delete request.headers[name];
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
