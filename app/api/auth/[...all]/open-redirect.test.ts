import { createEmailVerificationToken } from "better-auth/api";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/auth/[...all]/route";
import { authSecret } from "@/lib/access/credentials/auth-secret";
import { SOCKET_ADDRESS_HEADER, sealedSocketAddress } from "@/lib/access/authentication/client-address";
import { createSignedInUser, TEST_PASSWORD } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";

// Issue #25, finding 1: every redirect target Better Auth takes (callbackURL, redirectTo,
// errorCallbackURL, newUserCallbackURL) is a path on this site after the browser's own
// normalisation, or the request is refused. Through the real auth handler, for each way of
// spelling another host.

const HOSTILE = [
  "/.//evil.example",
  "/./\\evil.example",
  "/..//evil.example",
  "/a/..//evil.example",
  "/a/../..//evil.example",
  "/%2e//evil.example",
  "/%2e%2e//evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/%09/evil.example",
  "/%0d%0a/evil.example",
  "/%2f%2fevil.example",
  "/%2F%2Fevil.example",
  "%2f%2fevil.example",
  "/%5c%5cevil.example",
  "/%252f%252fevil.example",
  "/.%2f%2fevil.example",
  " //evil.example",
  "https://evil.example/",
  "http:evil.example",
  "http://localhost.evil.example/",
  "//localhost@evil.example/",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
];

const BASE = "http://localhost";
let clientAddress = 0;
const nextAddress = () => sealedSocketAddress(`10.25.${Math.floor(++clientAddress / 250)}.${clientAddress % 250}`);

/**
 * Where a browser ends up following `location`, or is one hop from: another origin, or a path that
 * starts with "//" on ours (any later relative redirect, such as a trailing-slash one, leaves).
 */
function leavesSite(location: string | null | undefined): boolean {
  if (!location) return false;
  // What the URL parser does before anything else: strip leading/trailing C0 and spaces, drop TAB/CR/LF.
  const cleaned = location.replace(/^[\p{Cc} ]+|[\p{Cc} ]+$/gu, "").replace(/[\t\n\r]/g, "");
  if (/^[/\\]{2}/.test(cleaned)) return true;
  const url = URL.parse(cleaned, `${BASE}/api/auth/verify-email`);
  if (!url || url.origin !== BASE) return true;
  return /^\/[/\\]/.test(url.pathname) || /^\/(%2f|%5c)/i.test(url.pathname);
}

const get = (path: string) =>
  GET(new Request(`${BASE}/api/auth${path}`, { headers: { [SOCKET_ADDRESS_HEADER]: nextAddress() } }));

const post = (path: string, body: unknown) =>
  POST(
    new Request(`${BASE}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE, [SOCKET_ADDRESS_HEADER]: nextAddress() },
      body: JSON.stringify(body),
    }),
  );

async function expectRefusedOrOnSite(response: Response, value: string) {
  const location = response.headers.get("location");
  const body = (await response.json().catch(() => null)) as { url?: unknown } | null;
  expect(leavesSite(location), `Location ${JSON.stringify(location)} for ${JSON.stringify(value)}`).toBe(false);
  expect(leavesSite(typeof body?.url === "string" ? body.url : null), `url for ${JSON.stringify(value)}`).toBe(false);
  // Nothing that names another host is taken: the request is refused as a client error.
  expect(response.status, `status for ${JSON.stringify(value)}`).toBeGreaterThanOrEqual(400);
  expect(response.status, `status for ${JSON.stringify(value)}`).toBeLessThan(500);
}

describe("redirect targets of Better Auth's endpoints", () => {
  let user: Awaited<ReturnType<typeof createSignedInUser>>;
  let verifyToken: string;
  beforeAll(async () => {
    await resetDatabase();
    user = await createSignedInUser();
    verifyToken = await createEmailVerificationToken(authSecret(), user.email, undefined, 3600, { userId: user.id });
  });

  it("the leavesSite helper itself catches each hostile spelling as a browser reads it", () => {
    for (const value of HOSTILE.filter((v) => !v.includes("%") && !/^[a-z]/.test(v))) {
      expect(leavesSite(value), value).toBe(true);
    }
  });

  it("GET /verify-email with a bad token and a hostile callbackURL never redirects off-site", async () => {
    for (const value of HOSTILE) {
      const response = await get(`/verify-email?token=not-a-token&callbackURL=${encodeURIComponent(value)}`);
      await expectRefusedOrOnSite(response, value);
    }
  });

  it("GET /verify-email with a valid token and a hostile callbackURL never redirects off-site", async () => {
    for (const value of HOSTILE) {
      const response = await get(`/verify-email?token=${verifyToken}&callbackURL=${encodeURIComponent(value)}`);
      await expectRefusedOrOnSite(response, value);
    }
  });

  it("GET /reset-password/:token with a hostile callbackURL never redirects off-site", async () => {
    for (const value of HOSTILE) {
      const response = await get(`/reset-password/some-token?callbackURL=${encodeURIComponent(value)}`);
      await expectRefusedOrOnSite(response, value);
    }
  });

  it("POST /request-password-reset refuses a hostile redirectTo (it would be in the mailed link)", async () => {
    for (const value of HOSTILE) {
      await expectRefusedOrOnSite(
        await post("/request-password-reset", { email: user.email, redirectTo: value }),
        value,
      );
    }
  });

  it("POST /send-verification-email and /sign-in/email refuse a hostile callbackURL", async () => {
    for (const value of HOSTILE) {
      await expectRefusedOrOnSite(
        await post("/send-verification-email", { email: user.email, callbackURL: value }),
        value,
      );
      await expectRefusedOrOnSite(
        await post("/sign-in/email", { email: user.email, password: TEST_PASSWORD, callbackURL: value }),
        value,
      );
    }
  });

  it("refuses hostile errorCallbackURL and newUserCallbackURL, and a hostile value in a repeated parameter", async () => {
    for (const value of HOSTILE.slice(0, 8)) {
      for (const name of ["errorCallbackURL", "newUserCallbackURL"]) {
        await expectRefusedOrOnSite(
          await post("/sign-in/email", { email: user.email, password: "wrong password!", [name]: value }),
          value,
        );
      }
      await expectRefusedOrOnSite(
        await get(`/verify-email?token=x&callbackURL=%2Fsettings&callbackURL=${encodeURIComponent(value)}`),
        value,
      );
    }
  });

  it("still follows a path on this site, normalised the way the browser would read it", async () => {
    const settings = await get(
      `/verify-email?token=${verifyToken}&callbackURL=${encodeURIComponent("/settings?tab=a")}`,
    );
    expect(settings.status).toBe(302);
    expect(settings.headers.get("location")).toBe("/settings?tab=a");
    const dotted = await get(`/verify-email?token=${verifyToken}&callbackURL=${encodeURIComponent("/a/../settings")}`);
    expect(dotted.headers.get("location")).toBe("/settings");
    const reset = await post("/request-password-reset", { email: "nobody@corp.test", redirectTo: "/reset-password" });
    expect(reset.status).toBe(200);
  });
});

describe("Better Auth's own log lines (issue #25, finding 11)", () => {
  it("go through our logger: a hostile URL it complains about cannot forge a line", async () => {
    const printed: string[] = [];
    const capture = (...args: unknown[]) => {
      printed.push(args.map(String).join(" "));
    };
    const spies = [
      vi.spyOn(console, "log").mockImplementation(capture),
      vi.spyOn(console, "error").mockImplementation(capture),
      vi.spyOn(console, "warn").mockImplementation(capture),
    ];
    try {
      const forged = 'https://evil.example/\r\n{"level":"info","message":"admin signed in"}';
      const response = await post("/sign-in/email", {
        email: "a@corp.test",
        password: "whatever it is",
        callbackURL: forged,
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(printed.length).toBeGreaterThan(0);
    for (const line of printed) {
      expect(line, JSON.stringify(line)).not.toMatch(/[\r\n\u2028\u2029]/);
      expect(() => JSON.parse(line), line).not.toThrow();
    }
  });
});
