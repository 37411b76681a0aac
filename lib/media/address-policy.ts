import ipaddr from "ipaddr.js";

// Which network addresses the media fetcher may connect to: public unicast only. Everything
// else (loopback, private, link-local such as 169.254.169.254 cloud metadata, unique-local,
// CGNAT, multicast, reserved, IPv4-mapped forms of those) is refused. MEDIA_FETCH_ALLOW_HOSTS
// ("host:port,…") makes named exceptions, e.g. a recording server on the office network.

/**
 * IPv4-compatible IPv6 (::/96, deprecated by RFC 4291): ipaddr.js calls `::7f00:1` plain
 * unicast, yet some stacks route it to 127.0.0.1. No public host uses the form, so all of it is
 * refused, as are the other IPv6 forms that embed an IPv4 address (NAT64, 6to4, Teredo, SIIT),
 * which ipaddr.js already classifies as ranges other than "unicast".
 */
function isIPv4Compatible(address: ipaddr.IPv6): boolean {
  return address.parts.slice(0, 6).every((part) => part === 0);
}

/** ipaddr.js reads a dotted tail as IPv4-mapped (`::8.8.8.8` → ::ffff:808:808); the WHATWG URL
 * parser spells IPv6 the way a connection will use it, so addresses go through it first. */
function canonical(address: string): string | null {
  if (!address.includes(":")) return address;
  return URL.parse(`http://[${address}]/`)?.hostname.slice(1, -1) ?? null; // null: a zone id, say
}

export function isPublicAddress(address: string): boolean {
  const spelled = canonical(address);
  if (spelled === null || !ipaddr.isValid(spelled)) return false;
  const parsed = ipaddr.parse(spelled);
  if (parsed.kind() === "ipv4") return parsed.range() === "unicast";
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().range() === "unicast";
  return !isIPv4Compatible(v6) && v6.range() === "unicast";
}

export function isAllowListed(host: string, port: string): boolean {
  const allowed = (process.env.MEDIA_FETCH_ALLOW_HOSTS ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  return allowed.includes(`${host.toLowerCase()}:${port}`);
}
