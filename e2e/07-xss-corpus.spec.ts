import { expect, test } from "@playwright/test";
import { collectFrameMarkers, openConversation, postWebhook, watchForAttacks } from "./inbox-page";
import { ATTACKER_HOST, XSS_VECTORS } from "./xss-corpus";

// Every vector arrives as an email through the real HighLevel webhook and is rendered in the real
// page: no script runs, no dialog opens, no request leaves for the attacker's host.

test("the XSS corpus, rendered as emails, runs nothing and reaches no attacker", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await postWebhook(baseURL!, "highlevel", {
    type: "ContactCreate",
    locationId: "loc-xss",
    id: "xss",
    firstName: "Xena",
    lastName: "Corpus",
  });
  for (const [index, vector] of XSS_VECTORS.entries()) {
    await postWebhook(baseURL!, "highlevel", {
      type: "InboundMessage",
      locationId: "loc-xss",
      contactId: "xss",
      conversationId: "conv-xss",
      messageId: `xss-${index}`,
      messageType: "Email",
      subject: `Vector ${index}`,
      from: "x@example.com",
      to: "front@clinic.example",
      body: `<p>vector-marker-${index}</p>${vector}`,
      dateAdded: new Date(Date.UTC(2025, 10, 1, 0, index)).toISOString(),
    });
  }

  const { dialogs, requests: attackerRequests } = watchForAttacks(
    page,
    (url) => url.includes(ATTACKER_HOST) || url.startsWith("javascript:"),
  );
  await page.goto("/");
  await openConversation(page, "Xena Corpus");

  // Walk the virtualised thread from the newest email to the oldest so every iframe is rendered.
  const rendered = new Set<number>();
  const scroller = page.getByTestId("thread-scroll");
  for (let step = 0; step < 200 && rendered.size < XSS_VECTORS.length; step++) {
    await page.waitForTimeout(150);
    await collectFrameMarkers(page, /vector-marker-(\d+)/g, rendered);
    // Hover and click inside what is on screen too: handlers that need a user must not fire either.
    const frames = page.locator("[data-testid='email-frame']");
    if ((await frames.count()) > 0)
      await frames
        .first()
        .hover({ trial: false })
        .catch(() => undefined);
    await scroller.evaluate((el) => el.scrollBy(0, -400));
  }

  expect(rendered.size).toBe(XSS_VECTORS.length);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(attackerRequests).toEqual([]);
});
