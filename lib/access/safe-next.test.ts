import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next";

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

  it("never returns anything a browser would resolve to another origin", () => {
    for (const next of HOSTILE) {
      expect(new URL(safeNextPath(next), "http://ours.test").origin, next).toBe("http://ours.test");
    }
  });
});
