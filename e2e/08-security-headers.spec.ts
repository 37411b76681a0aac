import { expect, test } from "@playwright/test";

test("pages carry the security headers, and scripts run only with the page's nonce", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ["/", "/sign-in", "/settings"]) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("no-referrer");
    expect(headers["x-frame-options"], path).toBe("DENY");
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? "";
    expect(scriptSrc, path).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scriptSrc, path).not.toContain("unsafe-inline");
    nonces.add(/'nonce-([^']+)'/.exec(scriptSrc)![1]!);
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
  expect(nonces.size).toBe(3); // a fresh nonce for every response
});

test("API answers skip the page proxy and carry a policy under which nothing runs", async ({ request }) => {
  for (const path of ["/api/conversations?limit=1", "/api/health"]) {
    const headers = (await request.get(path)).headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
  }
});

test("a webhook body over 1 MiB is refused with 413 through the built server", async ({ request }) => {
  const response = await request.post("/api/webhooks/highlevel", {
    headers: { "content-type": "application/json" },
    data: Buffer.alloc(3 * 1024 * 1024, 0x20),
  });
  expect(response.status()).toBe(413);
  expect((await response.json()).error).toMatch(/limit/);
});

test("inline script the server did not nonce does not run; the app's own scripts do", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("live-status")).toHaveText(/Live/); // React hydrated: Next's scripts carry the nonce
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener("securitypolicyviolation", (event) => violations.push(event.violatedDirective));
    // What injected markup would try: an inline event handler, and a parser-inserted inline script.
    const button = document.createElement("button");
    button.setAttribute("onclick", "window.__injected = 'handler'");
    document.body.appendChild(button);
    button.click();
    const frame = document.createElement("iframe");
    document.body.appendChild(frame);
    frame.contentDocument!.write("<script>parent.__injected = 'parser'</script>");
    frame.contentDocument!.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { injected: (window as unknown as { __injected?: string }).__injected ?? null, violations };
  });
  expect(outcome.injected).toBeNull();
  expect(outcome.violations.length).toBeGreaterThanOrEqual(1);
  expect(outcome.violations.every((d) => d.startsWith("script-src"))).toBe(true);
});
