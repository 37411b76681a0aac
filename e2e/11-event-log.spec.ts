import { expect, test, type APIRequestContext } from "@playwright/test";
import { testSigningKeys } from "../lib/testing/signing";
import { signatureHeaders } from "../lib/providers/sign";
import { saveScreenshot } from "./inbox-page";
import { seriousViolations } from "./axe";

// The event log in the browser: an administrator finds a delivery that failed, reads why and
// what was delivered, and has it processed again; a member is shown the door.

const SAM_LOCATION = "l1C08ntBrFjLS0elLIYU"; // the fixtures' SMS location (its account exists)
// Settings shows the account by its display name: no LocationUpdate names it, so the default.
const SAM_ACCOUNT_NAME = `HighLevel location ${SAM_LOCATION}`;
const anonymous = { storageState: { cookies: [], origins: [] } };

/** A signed HighLevel message without conversationId: stored and acknowledged, then failed by the worker. */
async function postFailingDelivery(request: APIRequestContext, marker: string): Promise<string> {
  const payload = {
    type: "InboundMessage",
    locationId: SAM_LOCATION,
    contactId: "cI08i1Bls3iTB9bKgFJh",
    messageId: marker,
    messageType: "SMS",
    direction: "inbound",
    body: `${marker} with a NUL \u0000 inside`,
  };
  const body = JSON.stringify(payload);
  const response = await request.post("/api/webhooks/highlevel", {
    headers: { "content-type": "application/json", ...signatureHeaders("highlevel", body, testSigningKeys()) },
    data: body,
  });
  expect(response.status()).toBe(200);
  const { eventId } = (await response.json()) as { eventId: string };
  const statusOf = async () => {
    const detail = (await (await request.get(`/api/events/${eventId}`)).json()) as { event: { status: string } };
    return detail.event.status;
  };
  await expect.poll(statusOf).toBe("failed");
  return eventId;
}

test("an administrator reads a failed event's error and payload and processes it again, by keyboard", async ({
  page,
}) => {
  const marker = `e2e-event-log-${Date.now()}`;
  const eventId = await postFailingDelivery(page.request, marker);

  await page.goto("/settings");
  await page.getByRole("link", { name: "Event log" }).click();
  await expect(page).toHaveURL(/\/events$/);
  await expect(page.getByTestId("event-stats")).toContainText("Failed");
  await page.getByLabel("Status").selectOption("failed");
  await expect(page).toHaveURL(/status=failed/);

  // Newest first: ours is the first failed row, with its error in the row.
  const row = page.getByTestId("event-row").first();
  await expect(row.getByTestId("event-error")).toContainText("conversationId");
  await expect(row.getByTestId("event-status")).toHaveText("Failed");
  await row.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`event=${eventId}`));

  const detail = page.getByTestId("event-detail");
  await expect(detail.getByTestId("event-detail-error")).toContainText("conversationId");
  await expect(detail.getByTestId("event-attempts")).toHaveText("1");
  const payload = detail.getByTestId("event-payload");
  await expect(payload).toContainText(`\n  "type": "InboundMessage",\n  "locationId": "${SAM_LOCATION}",`);
  await expect(payload).toContainText(`"body": "${marker} with a NUL \\u0000 inside"`);
  expect(await seriousViolations(page)).toEqual([]);

  // The first failure and the second must not share a second, or "Finished" would not change.
  const finishedBefore = await detail.getByTestId("event-finished").innerText();
  await page.waitForTimeout(1_100);
  const requeued = page.waitForResponse((r) => r.url().endsWith(`/api/events/${eventId}/retry`));
  await detail.getByRole("button", { name: "Process again" }).focus();
  await page.keyboard.press("Enter");
  const answer = (await (await requeued).json()) as { event: { status: string; attempts: number } };
  expect(answer.event).toMatchObject({ status: "received", attempts: 0 });
  // The in-process worker takes it at once, and the schema fails it again: one fresh attempt.
  await expect(detail.getByTestId("retry-note")).toContainText("it failed again");
  await expect(detail.getByTestId("event-attempts")).toHaveText("1");
  await expect(detail.getByTestId("event-status")).toHaveText("Failed");
  await expect(detail.getByTestId("event-finished")).not.toHaveText(finishedBefore);
  await expect(detail.getByRole("button", { name: "Process again" })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await saveScreenshot(page, "events-after-retry");

  // "Process all failed (N)" names how many, and says how many it queued.
  // Right after the retry the summary may still count the event as waiting: wait for it to count it failed again.
  const all = page.getByRole("button", { name: /^Process all failed \([1-9]\d*\)$/ });
  await expect(all).toBeVisible();
  const count = Number((await all.innerText()).match(/\((\d+)\)/)![1]);
  await all.click();
  await expect(page.getByText(new RegExp(`^${count} events? queued again\\.$`))).toBeVisible();
  // Every failed event of the whole suite went back in the queue ahead of or beside ours, and the
  // worker applies one account's events in order: on a loaded 2-core machine that takes longer than
  // the default 10 s to reach ours, so this one wait is sized for the work queued, not for one event.
  await expect(detail.getByTestId("event-status")).toHaveText("Failed", { timeout: 45_000 });
});

test("screenshots at 390, 1024 and 1440 px in both schemes: list and detail side by side, stacked on a phone", async ({
  browser,
}) => {
  const probe = await browser.newPage();
  const eventId = await postFailingDelivery(probe.request, `e2e-event-log-shot-${Date.now()}`);
  await probe.close();
  // Each width once, both schemes across them; axe on the dark ones (contrast is what differs).
  for (const [width, colorScheme] of [
    [390, "dark"],
    [1024, "light"],
    [1440, "dark"],
  ] as const) {
    // A page of its own context: axe cannot analyse a browser.newPage() page.
    const context = await browser.newContext({ viewport: { width, height: width === 390 ? 844 : 900 }, colorScheme });
    const page = await context.newPage();
    await page.goto(`/events?status=failed&event=${eventId}`);
    await expect(page.getByTestId("event-payload")).toBeVisible();
    const list = await page.getByRole("region", { name: "Events", exact: true }).boundingBox();
    const detail = await page.getByTestId("event-detail").boundingBox();
    // Side by side from 768 px; one above the other below that.
    if (width === 390) expect(detail!.y).toBeGreaterThan(list!.y + list!.height - 1);
    else expect(detail!.x).toBeGreaterThan(list!.x + list!.width - 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    if (colorScheme === "dark") expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, `events-${width}-${colorScheme}`, { fullPage: width === 390 });
    await context.close();
  }
});

test("a member cannot see the event log, in the page or the API", async ({ page, browser }) => {
  const eventId = await postFailingDelivery(page.request, `e2e-event-log-member-${Date.now()}`);
  const memberEmail = `events-member-${Date.now()}@threadline.test`;
  await page.goto("/settings");
  const account = page.getByRole("region", { name: `Account ${SAM_ACCOUNT_NAME}` });
  await account.getByLabel("Email to invite").fill(memberEmail);
  await account.getByRole("button", { name: "Create invitation link" }).click();
  const link = (await account.getByTestId("invite-link").locator("code").innerText()).trim();

  const context = await browser.newContext(anonymous);
  const member = await context.newPage();
  await member.goto(link);
  await member.getByLabel("Your name").fill("Eve Events");
  await member.getByLabel(/Password/).fill("eve's long password");
  await member.getByRole("button", { name: "Join" }).click();
  await expect(member.getByTestId("signed-in-as")).toHaveText(memberEmail);

  await member.goto(`/events?event=${eventId}`);
  await expect(member.getByTestId("event-log-refused")).toContainText("administrators and account owners");
  await expect(member.getByTestId("event-payload")).toHaveCount(0);
  for (const path of ["/api/events", "/api/events/summary", `/api/events/${eventId}`]) {
    const response = await member.request.get(path);
    expect(response.status()).toBe(403);
    expect(((await response.json()) as { error: string }).error).toMatch(/administrators and account owners/);
  }
  const sameOrigin = { origin: new URL(member.url()).origin };
  const retry = await member.request.post(`/api/events/${eventId}/retry`, { headers: sameOrigin });
  expect(retry.status()).toBe(403);
  await member.goto("/settings");
  await expect(member.getByRole("link", { name: "Event log" })).toHaveCount(0);
  await context.close();
});
