import { expect, test } from "@playwright/test";
import { openConversation, postWebhook } from "./inbox-page";

// Runs last: it adds conversations the exact-match filter tests would otherwise see.

const LOCATION = "loc-e2e";
let sequence = 0;
const sms = (contactId: string, body: string, minutesAfter = 0) => ({
  type: "InboundMessage",
  locationId: LOCATION,
  contactId,
  conversationId: `conv-${contactId}`,
  messageType: "SMS",
  direction: "inbound",
  messageId: `live-${contactId}-${Date.now()}-${sequence++}`,
  body,
  dateAdded: new Date(Date.now() + minutesAfter * 60_000).toISOString(),
});

test("a webhook posted while the inbox is open appears in the list and the open thread within 2 s, without a reload", {
  tag: "@db",
}, async ({ page, baseURL }) => {
  await page.goto("/");
  await expect(page.getByTestId("live-status")).toHaveText(/Live/);
  await openConversation(page, "Sam Sms");
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  // Sam's contact lives in another location in the fixtures; post to the fixture's own location.
  await postWebhook(baseURL!, "highlevel", {
    ...sms("cI08i1Bls3iTB9bKgFJh", "Arrived while reading"),
    locationId: "l1C08ntBrFjLS0elLIYU",
    conversationId: "fcanlLgpbQgQhderivVs",
  });
  await postWebhook(baseURL!, "highlevel", {
    type: "ContactCreate",
    locationId: LOCATION,
    id: "newbie",
    firstName: "Nina",
    lastName: "New",
  });
  await postWebhook(baseURL!, "highlevel", sms("newbie", "Brand new conversation"));

  await expect(page.getByTestId("message").filter({ hasText: "Arrived while reading" })).toBeVisible({
    timeout: 2_000,
  });
  await expect(page.getByTestId("conversation-row").filter({ hasText: "Nina New" })).toBeVisible({ timeout: 2_000 });
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});

test("a reader scrolled up keeps their place when messages arrive, and a dropped connection catches up", {
  tag: "@db",
}, async ({ page, baseURL, context }) => {
  for (let i = 0; i < 80; i++)
    await postWebhook(baseURL!, "highlevel", sms("longread", `Long thread message number ${i}`, -200 + i));
  await postWebhook(baseURL!, "highlevel", {
    type: "ContactCreate",
    locationId: LOCATION,
    id: "longread",
    firstName: "Lena",
    lastName: "Long",
  });
  await page.goto("/");
  await openConversation(page, "Lena Long");
  const scroller = page.getByTestId("thread-scroll");
  await expect(page.getByTestId("message").filter({ hasText: "Long thread message number 79" })).toBeVisible();

  // Scroll up into older messages (this also loads the earlier page, which the thread prepends
  // above what is being read, and the virtualiser measures rows as they render: both move
  // scrollTop while the words on screen stay put, so the place is the message read and where it is).
  await scroller.evaluate((el) => (el.scrollTop = 400));
  await expect(page.getByText("Loading earlier messages…")).toHaveCount(0);
  const place = () =>
    scroller.evaluate((el) => {
      const top = el.getBoundingClientRect().top;
      const rows = [...el.querySelectorAll<HTMLElement>("[data-row-key]")];
      const read = rows.find((row) => row.getBoundingClientRect().top >= top);
      return read ? { key: read.dataset.rowKey, offset: Math.round(read.getBoundingClientRect().top - top) } : null;
    });
  // Settled: the same message at the same height half a second apart. (The poll's first try comes at
  // once, so each try takes its own two readings: comparing with a reading from a moment before
  // passed before the earlier page had arrived, and its arrival then moved the place.)
  let reading: Awaited<ReturnType<typeof place>> = null;
  await expect
    .poll(async () => {
      const first = await place();
      await page.waitForTimeout(500);
      reading = await place();
      return JSON.stringify(first) === JSON.stringify(reading);
    })
    .toBe(true);
  expect(reading).not.toBeNull();

  await postWebhook(baseURL!, "highlevel", sms("longread", "A new message while scrolled up", 1));
  await expect(page.getByTestId("conversation-row").filter({ hasText: "Lena Long" })).toContainText(
    "A new message while scrolled up",
    { timeout: 2_000 },
  );
  await page.waitForTimeout(300);
  // Still reading the same message, where it was on screen (a jump to the bottom would lose it).
  const after = await scroller.evaluate((el, key) => {
    const row = el.querySelector<HTMLElement>(`[data-row-key="${CSS.escape(key)}"]`);
    return row ? row.getBoundingClientRect().top - el.getBoundingClientRect().top : null;
  }, reading!.key!);
  expect(after).not.toBeNull();
  expect(Math.abs(after! - reading!.offset)).toBeLessThan(5);

  // Connection drops (the server recycles the stream and the browser is offline, so it cannot
  // reconnect); a message arrives meanwhile; on reconnect the page catches up.
  await context.setOffline(true);
  await expect(page.getByTestId("live-status")).toHaveText(/Reconnecting/, { timeout: 15_000 });
  await postWebhook(baseURL!, "highlevel", sms("longread", "Sent while you were offline", 2));
  await context.setOffline(false);
  await expect(page.getByTestId("live-status")).toHaveText(/Live/, { timeout: 10_000 });
  await expect(page.getByTestId("conversation-row").filter({ hasText: "Lena Long" })).toContainText(
    "Sent while you were offline",
    { timeout: 5_000 },
  );
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.getByTestId("message").filter({ hasText: "Sent while you were offline" })).toBeVisible();
  await expect(page.getByTestId("message").filter({ hasText: "A new message while scrolled up" })).toBeVisible();
});
