import { expect, test } from "@playwright/test";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./auth";
import { postWebhook } from "./inbox-page";

// An open live stream ends when its person signs out elsewhere (another tab): it delivers nothing
// further, although the server would otherwise keep it open until it is next recycled.

test("signing out in another tab ends the open live stream at once", { tag: "@db" }, async ({ browser, baseURL }) => {
  // A session of its own: signing out must not end the one the other specs share.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const signIn = await context.request.post("/api/auth/sign-in/email", {
    data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    headers: { origin: baseURL! },
  });
  expect(signIn.ok()).toBe(true);
  const page = await context.newPage();
  // A page of this origin that runs none of the inbox (which reacts to a sign-out by leaving).
  await page.goto("/live-access-test-page");
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const events: string[] = [];
        const source = new EventSource("/api/live");
        Object.assign(window, { __live: { source, events } });
        source.addEventListener("conversations", (event) => events.push(event.data));
        source.addEventListener("open", () => resolve(), { once: true });
      }),
  );
  const received = () =>
    page.evaluate(() => (window as unknown as { __live: { events: string[] } }).__live.events.join("\n"));
  const sms = (id: string) => ({
    type: "InboundMessage",
    locationId: "loc-live-access",
    contactId: "live-access",
    conversationId: "conv-live-access",
    messageType: "SMS",
    direction: "inbound",
    messageId: id,
    body: id,
    dateAdded: new Date().toISOString(),
  });
  await postWebhook(baseURL!, "highlevel", sms("before-sign-out"));
  await expect.poll(received).not.toBe("");
  const before = await received();

  const otherTab = await context.newPage();
  expect((await otherTab.request.post("/api/auth/sign-out", { data: {}, headers: { origin: baseURL! } })).ok()).toBe(
    true,
  );
  // Past the stream's brief cache of "still signed in" (1.5 s); well within a recycle (6 s here).
  await page.waitForTimeout(1_700);
  await postWebhook(baseURL!, "highlevel", sms("after-sign-out"));
  // The stream closes, and the browser's reconnect is refused: EventSource gives up (CLOSED).
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as { __live: { source: EventSource } }).__live.source.readyState),
    )
    .toBe(2);
  expect(await received()).toBe(before);
  await context.close();
});
