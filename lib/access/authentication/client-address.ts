import { randomBytes } from "node:crypto";
import ipaddr from "ipaddr.js";

// Who is on the other end of a request. A route handler in Next.js 16 never sees the socket
// (Request has no remote address, and `next start` passes a client's own X-Forwarded-For
// through: it only fills the header when absent). So the HTTP server stamps every request with
// its socket address (lib/access/authentication/socket-stamp.ts), sealed with a per-process secret a client
// cannot know, and everything here starts from that address:
// - the client is the socket address, unless that address is one of THREADLINE_TRUSTED_PROXIES
//   (addresses/CIDRs, default none); then X-Forwarded-For is read from the right, skipping
//   trusted hops, and the first untrusted hop is the client (hops further left are the client's
//   own words);
// - X-Forwarded-Host/-Proto are believed only from a trusted proxy.

export const SOCKET_ADDRESS_HEADER = "x-threadline-socket-address";
/** Set on the request handed to Better Auth, whose rate limiter reads only this header. */
export const CLIENT_ADDRESS_HEADER = "x-threadline-client-address";
/** The client of a request whose socket is unknown (not stamped): they all share one bucket. */
export const UNKNOWN_ADDRESS = "unknown";

const globalForSeal = globalThis as unknown as { threadlineSocketSeal?: string };

function seal(): string {
  globalForSeal.threadlineSocketSeal ??= randomBytes(18).toString("base64url");
  return globalForSeal.threadlineSocketSeal;
}

/** The header value that says "this request came from `address`" (the server stamp; tests). */
export function sealedSocketAddress(address: string): string {
  return `${seal()} ${address}`;
}

/** The socket address the server stamped on this request, or null if it carries no valid stamp. */
export function socketAddress(headers: Headers): string | null {
  const [stamp, address] = (headers.get(SOCKET_ADDRESS_HEADER) ?? "").split(" ", 2);
  return stamp === seal() && address && ipaddr.isValid(address) ? address : null;
}

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];
let cachedProxies: { source: string; ranges: Range[] } | null = null;

function parseRange(entry: string): Range {
  if (entry.includes("/")) return ipaddr.parseCIDR(entry);
  const address = ipaddr.parse(entry);
  return [address, address.kind() === "ipv4" ? 32 : 128];
}

/** THREADLINE_TRUSTED_PROXIES as ranges; a malformed entry stops the start-up, never trusts silently. */
export function trustedProxies(): Range[] {
  const source = process.env.THREADLINE_TRUSTED_PROXIES?.trim() ?? "";
  if (cachedProxies?.source !== source) {
    const entries = source
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    const ranges = entries.map((entry) => {
      try {
        return parseRange(entry);
      } catch {
        throw new Error(`THREADLINE_TRUSTED_PROXIES: "${entry}" is not an address or CIDR range`);
      }
    });
    cachedProxies = { source, ranges };
  }
  return cachedProxies.ranges;
}

function normalise(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!ipaddr.isValid(address)) return null;
  const parsed = ipaddr.parse(address);
  return parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
    ? (parsed as ipaddr.IPv6).toIPv4Address()
    : parsed;
}

export function isTrustedProxy(address: string | null): boolean {
  // Asked for every request (socket-stamp.ts): with no trusted proxies (the default) the answer
  // needs no parsing of the address.
  const ranges = trustedProxies();
  if (ranges.length === 0) return false;
  const parsed = address ? normalise(address) : null;
  if (!parsed) return false;
  return ranges.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
}

/** The client's address: the socket's, or behind trusted proxies the first untrusted X-Forwarded-For hop. */
export function clientAddress(headers: Headers): string {
  const peer = socketAddress(headers);
  if (!peer) return UNKNOWN_ADDRESS;
  if (!isTrustedProxy(peer)) return normalise(peer)?.toString() ?? peer;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim());
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalise(hops[i] ?? "");
    if (!hop) break; // garbage from here on is not an address: keep the last one we can vouch for
    client = hop.toString();
    if (!isTrustedProxy(client)) break;
  }
  return normalise(client)?.toString() ?? client;
}

/** X-Forwarded-Host and -Proto, when a trusted proxy sent them; otherwise null. */
export function trustedForwarded(headers: Headers): { host?: string; proto?: string } | null {
  if (!isTrustedProxy(socketAddress(headers))) return null;
  const first = (name: string) => headers.get(name)?.split(",")[0]?.trim() || undefined;
  return { host: first("x-forwarded-host"), proto: first("x-forwarded-proto") };
}
