import { expect, test } from "@playwright/test";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./auth";

// `next` after sign-in must stay on this site. Browsers drop TAB/CR/LF from URLs, so
// "/<TAB>/evil.test/c" is "//evil.test/c" to Chromium: a protocol-relative URL to another host.

const HOSTILE_NEXT = ["/\t/evil.test/c", "/\n/evil.test/c", "/\r/evil.test/c", "/\\evil.test/c", "/.//evil.test/c"];

test.describe("after signing in", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  for (const next of HOSTILE_NEXT) {
    test(`the sign-in form stays on our origin for next=${JSON.stringify(next)}`, async ({ page, baseURL }) => {
      await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
      await page.getByLabel("Email").fill(ADMIN_EMAIL);
      await page.getByLabel("Password").fill(ADMIN_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    });
  }
});

test("a signed-in visit to /sign-in redirects only within our origin", async ({ page, baseURL }) => {
  for (const next of HOSTILE_NEXT) {
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    expect(new URL(page.url()).origin, JSON.stringify(next)).toBe(new URL(baseURL!).origin);
    const answer = await page.request.get(`/sign-in?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
    const location = answer.headers().location ?? "";
    expect(new URL(location, baseURL).origin, `${JSON.stringify(next)} → ${location}`).toBe(new URL(baseURL!).origin);
  }
});
