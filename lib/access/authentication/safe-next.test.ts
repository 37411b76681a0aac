import { describe, expect, it } from "vitest";
import { safeNextPath, sameOriginPath } from "@/lib/access/authentication/safe-next";

// Open-redirect vectors: each is a `next` an attacker might put in a sign-in link.
const HOSTILE = [
  "//evil.test/c",
  "/\t/evil.test/c",
  "/\n/evil.test/c",
  "/\r/evil.test/c",
  "/\r\n/evil.test/c",
  "/\\evil.test/c",
  "/\\/evil.test/c",
  "/\t\\evil.test/c",
  "/.//evil.test/c",
  "/a/..//evil.test/c",
  "/%2e//evil.test/c",
  // Encoded separators: harmless to the URL parser, but not to a router that decodes first.
  "/%2f%2fevil.test/c",
  "/%2F/evil.test/c",
  "/%5c%5cevil.test/c",
  "/%252f%252fevil.test/c",
  "/a/..%2f..%2f%2fevil.test",
  "/%09/evil.test/c",
  "/%E0%A4%A",
  "https://evil.test/c",
  "http:evil.test",
  "javascript:alert(1)",
  " //evil.test",
  "\t//evil.test",
  "evil.test",
  "",
];

describe("safeNextPath", () => {
  it.each(HOSTILE)("sends %j home", (next) => {
    expect(safeNextPath(next)).toBe("/");
  });

  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeNextPath("/?channel=sms")).toBe("/?channel=sms");
    expect(safeNextPath("/settings#tokens")).toBe("/settings#tokens");
    expect(safeNextPath("/?q=a%2Fb&channel=sms&channel=email")).toBe("/?q=a%2Fb&channel=sms&channel=email");
    expect(safeNextPath(["/settings", "//evil.test"])).toBe("/settings");
    expect(safeNextPath(undefined)).toBe("/");
  });

  it("hands back the path as the browser would follow it: dot segments resolved", () => {
    expect(sameOriginPath("/a/../settings?x=1")).toBe("/settings?x=1");
    expect(sameOriginPath("/./settings")).toBe("/settings");
    expect(sameOriginPath("/.//evil.test")).toBeNull();
    expect(sameOriginPath(42)).toBeNull();
  });

  it("never returns anything a browser would resolve to another origin", () => {
    for (const next of HOSTILE) {
      expect(new URL(safeNextPath(next), "http://ours.test").origin, next).toBe("http://ours.test");
    }
  });
});
