import path from "node:path";
import { getPageStaticInfo } from "next/dist/build/analysis/get-page-static-info";
import { loadBindings } from "next/dist/build/swc";
import type { PAGE_TYPES } from "next/dist/lib/page-types";
import {
  getMiddlewareRouteMatcher,
  type MiddlewareRouteMatch,
} from "next/dist/shared/lib/router/utils/middleware-route-matcher";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { proxy } from "./proxy";

// Issue #25, finding 5: a path segment with a malformed percent-escape ("%ZZ", a cut-off "%A", bytes
// that are no UTF-8) made Next fail with a 500 while decoding route parameters, before any route
// ran. The proxy answers 400 first: JSON { error } under /api, text elsewhere.

const MALFORMED = [
  "/api/conversations/%E0%A4%A",
  "/api/conversations/%ZZ",
  "/api/conversations/abc%",
  "/api/media/%FF",
  "/api/accounts/%C0%AF/tokens/x",
  "/api/webhooks/voxity/%E0%A4",
  "/conversations/%ZZ",
  "/invite/%E0%A4%A",
  "/settings/%",
];

const call = (path: string) => proxy(new NextRequest(`http://localhost${path}`));

let matcher: MiddlewareRouteMatch;
beforeAll(async () => {
  // The matcher as `next build` reads it: parsed out of proxy.ts's source (by SWC, as the build
  // does: a matcher it cannot read statically is no matcher), compiled by Next's own code.
  await loadBindings();
  const info = await getPageStaticInfo({
    pageFilePath: path.resolve(import.meta.dirname, "proxy.ts"),
    nextConfig: {},
    isDev: false,
    page: "/proxy",
    // PAGE_TYPES.ROOT: a const enum, which isolated modules cannot read as a value.
    pageType: "root" as unknown as PAGE_TYPES,
  });
  const matchers = info.middleware?.matchers ?? [];
  expect(matchers.length).toBeGreaterThan(0);
  matcher = getMiddlewareRouteMatcher(matchers);
});

/** Whether Next runs the proxy for a request to `pathname` (it tries the raw path, as here, and the decoded one). */
const proxyRunsFor = (pathname: string): boolean => matcher(pathname, { headers: {} } as never, {});

describe("proxy: malformed percent-escapes in the path", () => {
  it.each(MALFORMED)("%s is answered 400 before any route", async (path) => {
    expect(proxyRunsFor(path)).toBe(true);
    const response = call(path);
    expect(response.status).toBe(400);
    if (path.startsWith("/api/")) {
      expect(response.headers.get("content-type")).toMatch(/application\/json/);
      expect(await response.json()).toMatchObject({ error: expect.stringMatching(/percent/) });
    } else {
      expect(await response.text()).toMatch(/percent/);
    }
  });

  it("lets well-formed paths through: pages get their nonce policy, API answers are left alone", () => {
    const page = call("/conversations/abc%20def");
    expect(page.status).toBe(200);
    expect(page.headers.get("x-middleware-next")).toBe("1");
    expect(page.headers.get("content-security-policy")).toMatch(/nonce-/);
    const api = call("/api/conversations/a%2Fb");
    expect(api.status).toBe(200);
    expect(api.headers.get("x-middleware-next")).toBe("1");
    expect(api.headers.get("content-security-policy")).toBeNull();
  });

  it("never runs in front of an API path without a percent sign (webhooks stream their bodies)", () => {
    expect(proxyRunsFor("/api/webhooks/highlevel")).toBe(false);
    expect(proxyRunsFor("/api/conversations/abc")).toBe(false);
    expect(proxyRunsFor("/conversations/abc")).toBe(true);
  });
});
