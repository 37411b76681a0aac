import ipaddr from "ipaddr.js";

// Which network addresses the media fetcher may connect to: public unicast only. Everything
// else (loopback, private, link-local such as 169.254.169.254 cloud metadata, unique-local,
// CGNAT, multicast, reserved, IPv4-mapped forms of those) is refused. MEDIA_FETCH_ALLOW_HOSTS
// ("host:port,…") makes named exceptions, e.g. a recording server on the office network.

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === "unicast";
}

export function isAllowListed(host: string, port: string): boolean {
  const allowed = (process.env.MEDIA_FETCH_ALLOW_HOSTS ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  return allowed.includes(`${host.toLowerCase()}:${port}`);
}
