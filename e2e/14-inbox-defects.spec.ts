import { expect, test } from "@playwright/test";
import { openOtto, row, seedDefects } from "./defects-page";

// Issue #12: the defects a new user tripped over in the inbox, one test per numbered item (the
// layout ones are in 15-inbox-defects-layout.spec.ts). Each spec posts its own conversations
// (signed webhooks, as the providers would), so it does not depend on what other specs did.

test.beforeEach(async ({ baseURL }) => seedDefects(baseURL!));

test("3: call outcomes use one vocabulary: missed and busy look different, no 0:00, no 'Completed'", async ({
  page,
}) => {
  await openOtto(page);
  const calls = page.getByTestId("message").filter({ has: page.getByTestId("call-outcome") });
  await expect(calls).toHaveCount(4);
  const outcome = (text: string) => page.getByTestId("call-outcome").filter({ hasText: text });
  await expect(outcome("Missed")).toHaveCount(1);
  await expect(outcome("Busy")).toHaveCount(1);
  await expect(outcome("Answered")).toHaveCount(1);
  await expect(outcome("Voicemail")).toHaveCount(1);
  for (const call of await calls.all()) {
    await expect(call).not.toContainText("Completed");
    await expect(call).not.toContainText("0:00 ·");
  }
  const missed = page.getByTestId("message").filter({ has: outcome("Missed") });
  await expect(missed.getByTestId("call-duration")).toHaveCount(0);
  await expect(
    page
      .getByTestId("message")
      .filter({ has: outcome("Answered") })
      .getByTestId("call-duration"),
  ).toHaveText("2:54");
  // Missed, busy and voicemail are coloured; answered is not.
  const colour = (text: string) => outcome(text).evaluate((el) => getComputedStyle(el).backgroundColor);
  const answered = await colour("Answered");
  for (const text of ["Missed", "Busy", "Voicemail"]) expect(await colour(text)).not.toBe(answered);
  // A single message is a "Call", not "Calls"; the list preview uses the same words.
  await expect(page.getByTestId("message").first().locator("header")).toContainText("SMS");
  await expect(missed.locator("header")).toContainText("Call");
  await expect(missed.locator("header")).not.toContainText("Calls");
  await expect(row(page, "Otto Outcomes").getByTestId("conversation-preview")).toHaveText("Inbound call · Busy");
});

test("4: starting one recording pauses the other", async ({ page }) => {
  await openOtto(page);
  const players = page.getByTestId("audio-player");
  await expect(players).toHaveCount(2);
  const playing = () =>
    page.evaluate(() =>
      [...document.querySelectorAll("audio")]
        .filter((audio) => !audio.paused)
        .map((audio) => audio.src.split("/").pop()),
    );
  await players.getByRole("button", { name: "Play call recording" }).click();
  await expect.poll(playing).toHaveLength(1);
  const first = (await playing())[0];
  await players.getByRole("button", { name: "Play voicemail" }).click();
  await expect.poll(playing).toHaveLength(1);
  await page.waitForTimeout(500);
  const now = await playing();
  expect(now).toHaveLength(1);
  expect(now[0]).not.toBe(first);
  await expect(players.getByRole("button", { name: "Play call recording" })).toBeVisible();
});

test("7: list previews show the newest message that matches the channel and direction filters", async ({ page }) => {
  await page.goto("/?channel=sms&direction=inbound");
  await expect(row(page, "Otto Outcomes").getByTestId("conversation-preview")).toHaveText("Can I book a cleaning?");
  await page.goto("/?channel=sms&direction=outbound");
  await expect(row(page, "Otto Outcomes").getByTestId("conversation-preview")).toHaveText("We have a slot on Tuesday");
  await page.goto("/?channel=call&direction=outbound");
  await expect(row(page, "Otto Outcomes").getByTestId("conversation-preview")).toHaveText("Outbound call · Missed");
});

test("2: with Unread only, the opened row stays and j/k continue from it", async ({ page }) => {
  await page.goto("/?unread=true");
  const rows = page.getByTestId("conversation-row");
  await expect(row(page, "Ulrich Unread")).toBeVisible();
  const ids = await rows.evaluateAll((links) => links.map((link) => link.getAttribute("data-conversation-id")));
  const index = ids.indexOf(await row(page, "Ulrich Unread").getAttribute("data-conversation-id"));
  expect(index).toBeGreaterThanOrEqual(0);
  expect(index).toBeLessThan(ids.length - 1);
  const markedRead = page.waitForResponse((r) => r.url().endsWith("/read") && r.request().method() === "POST");
  await row(page, "Ulrich Unread").click();
  await expect(page.getByTestId("thread-title")).toHaveText("Ulrich Unread");
  // Marked read on the server (the list refetches), but it stays in the list until the filter changes.
  await markedRead;
  await page.waitForResponse((r) => r.url().includes("/api/conversations?") && r.url().includes("unread=true"));
  await expect(row(page, "Ulrich Unread")).toHaveAttribute("aria-current", "page");
  // With the thread open, j opens the next one; Ulrich, read and no longer open, then leaves the
  // list, so k opens the one that was above him.
  await page.keyboard.press("j");
  await expect(page.locator(":focus")).toHaveAttribute("data-conversation-id", ids[index + 1]!);
  await page.keyboard.press("k");
  await expect(page.locator(":focus")).toHaveAttribute("data-conversation-id", ids[index - 1] ?? ids[index + 1]!);
  // Changing the filter lets it go.
  await page.getByRole("checkbox", { name: "Unread only" }).uncheck();
  await page.getByRole("checkbox", { name: "Unread only" }).check();
  await expect(row(page, "Ulrich Unread")).toHaveCount(0);
});
