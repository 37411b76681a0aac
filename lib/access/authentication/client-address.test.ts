import { afterEach, describe, expect, it, vi } from "vitest";
import {
  clientAddress,
  SOCKET_ADDRESS_HEADER,
  sealedSocketAddress,
  trustedForwarded,
} from "@/lib/access/authentication/client-address";
import { requestOrigin } from "@/lib/access/authentication/request-origin";

afterEach(() => vi.unstubAllEnvs());

const from = (socket: string | null, headers: Record<string, string> = {}) =>
  new Headers({ ...(socket ? { [SOCKET_ADDRESS_HEADER]: sealedSocketAddress(socket) } : {}), ...headers });

describe("clientAddress", () => {
  it("is the socket address; X-Forwarded-For from a client that is no trusted proxy is ignored", () => {
    expect(clientAddress(from("203.0.113.7", { "x-forwarded-for": "1.2.3.4" }))).toBe("203.0.113.7");
    expect(clientAddress(from("::ffff:203.0.113.7"))).toBe("203.0.113.7");
  });

  it("is 'unknown' without a genuine stamp: a client cannot write the socket header itself", () => {
    expect(clientAddress(new Headers({ [SOCKET_ADDRESS_HEADER]: "guess 1.2.3.4", "x-forwarded-for": "1.2.3.4" }))).toBe(
      "unknown",
    );
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4" }))).toBe("unknown");
  });

  it("behind trusted proxies, is the first untrusted hop from the right", () => {
    vi.stubEnv("THREADLINE_TRUSTED_PROXIES", "10.0.0.0/8, 192.0.2.1");
    const behind = (xff: string) => clientAddress(from("10.0.0.1", { "x-forwarded-for": xff }));
    expect(behind("203.0.113.7")).toBe("203.0.113.7");
    expect(behind("6.6.6.6, 203.0.113.7, 10.0.0.2")).toBe("203.0.113.7"); // 6.6.6.6 is the client's own claim
    expect(behind("203.0.113.7, 192.0.2.1")).toBe("203.0.113.7");
    expect(behind("not-an-address, 10.0.0.3")).toBe("10.0.0.3"); // garbage: the last hop we can vouch for
    expect(clientAddress(from("10.0.0.1"))).toBe("10.0.0.1");
    // Not from a proxy: the header is ignored even though proxies are configured.
    expect(clientAddress(from("198.51.100.1", { "x-forwarded-for": "203.0.113.7" }))).toBe("198.51.100.1");
  });

  it("refuses a malformed THREADLINE_TRUSTED_PROXIES rather than trusting anything", () => {
    vi.stubEnv("THREADLINE_TRUSTED_PROXIES", "10.0.0.0/8, everyone");
    expect(() => clientAddress(from("10.0.0.1"))).toThrow(/everyone/);
  });
});

describe("X-Forwarded-Host and -Proto", () => {
  const request = (socket: string, headers: Record<string, string>) =>
    new Request("http://inbox.example.com/api/x", { headers: from(socket, headers) });

  it("are ignored unless a trusted proxy sent them", () => {
    const spoofed = request("203.0.113.7", { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(trustedForwarded(spoofed.headers)).toBeNull();
    expect(requestOrigin(spoofed)).toBe("http://inbox.example.com");
  });

  it("are believed from a trusted proxy", () => {
    vi.stubEnv("THREADLINE_TRUSTED_PROXIES", "10.0.0.1");
    const proxied = request("10.0.0.1", { "x-forwarded-host": "inbox.example.com", "x-forwarded-proto": "https" });
    expect(requestOrigin(proxied)).toBe("https://inbox.example.com");
  });
});
