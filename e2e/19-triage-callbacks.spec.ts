import { expect, test } from "@playwright/test";
import { seriousViolations } from "./axe";
import { saveScreenshot, VIEWPORTS } from "./inbox-page";
import { row, TriageLocation, viewCount } from "./triage-page";

// Issue #13: the Callbacks view (voicemail played in the row, "texted back"), the `?` sheet of
// shortcuts, and browser notifications while the tab is in the background.

test("Callbacks: how long ago, texted back, and the voicemail plays from the row", async ({ page, baseURL }) => {
  const location = new TriageLocation(baseURL!, "callbacks");
  await location.customer("Vic", "Voicemail");
  await location.missedCall("Vic", 120, 6);
  await location.customer("Tess", "Texted");
  await location.missedCall("Tess", 300);
  await location.sms("Tess", "Sorry we missed you, we'll call back", 295, "outbound");
  await location.customer("Rob", "Returned");
  await location.missedCall("Rob", 200);
  await location.returnCall("Rob", 190);
  // Rob's call was returned: he is in no Callbacks view.
  const account = await location.accountId(page, "Rob Returned");
  await page.goto(`/?account=${account}`);
  await expect(page.getByTestId("conversation-row")).toHaveCount(3);
  await page.keyboard.press("g");
  await page.keyboard.press("c");
  await expect(page).toHaveURL(/view=callbacks/);
  await expect(viewCount(page, "callbacks")).toHaveText("2");
  // Oldest first.
  await expect(page.getByTestId("conversation-name")).toHaveText(["Tess Texted", "Vic Voicemail"]);
  await expect(row(page, "Tess Texted").getByTestId("callback-since")).toHaveText("missed 5 h ago");
  await expect(row(page, "Tess Texted").getByTestId("texted-back")).toHaveText("texted back");
  await expect(row(page, "Vic Voicemail").getByTestId("callback-since")).toHaveText("voicemail 2 h ago");
  await expect(row(page, "Vic Voicemail").getByTestId("texted-back")).toHaveCount(0);

  const players = page.getByTestId("row-voicemail");
  await expect(players).toHaveCount(1);
  await players.getByRole("button", { name: "Play voicemail from Vic Voicemail" }).click();
  const audio = players.getByTestId("audio-element");
  await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime)).toBeGreaterThan(0.3);
  expect(await audio.evaluate((el: HTMLAudioElement) => el.paused)).toBe(false);
  // Playing did not open the conversation.
  await expect(page).not.toHaveURL(/[?&]c=/);
  await players.getByRole("button", { name: "Pause voicemail from Vic Voicemail" }).click();

  expect(await seriousViolations(page)).toEqual([]);
  for (const [width, height] of VIEWPORTS) {
    await page.setViewportSize({ width, height });
    await expect(players.getByRole("button", { name: /Play voicemail/ })).toBeVisible();
    await saveScreenshot(page, `triage-callbacks-${width}`);
  }
});

test("? opens a sheet of every shortcut; the header hint lists them", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("shortcut-hint")).toContainText("e done");
  await expect(page.getByTestId("shortcut-hint")).toContainText("? all");
  await page.getByTestId("conversation-row").first().waitFor();
  await page.keyboard.press("?");
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(sheet).toBeVisible();
  for (const does of [
    "Mark done (or reopen a done one)",
    "Mark read / unread for me",
    "Go to Needs reply",
    "Go to Callbacks",
  ])
    await expect(sheet.getByText(does)).toBeVisible();
  await expect(sheet.locator("kbd", { hasText: "g r" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  for (const [width, height] of VIEWPORTS) {
    await page.setViewportSize({ width, height });
    await saveScreenshot(page, `triage-shortcuts-${width}`);
  }
  // Keys do nothing behind it; Esc closes it.
  await page.keyboard.press("g");
  await page.keyboard.press("r");
  await expect(page).not.toHaveURL(/view=/);
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  // Reachable without the keyboard shortcut too (a phone has no "?").
  await page.getByRole("button", { name: "Keyboard shortcuts (?)" }).click();
  await expect(sheet).toBeVisible();
  await sheet.getByRole("button", { name: "Close" }).click();
  await expect(sheet).toBeHidden();
});

test("a notification for a new customer message and a missed call while the tab is hidden", async ({
  page,
  baseURL,
}) => {
  await page.context().grantPermissions(["notifications"], { origin: baseURL! });
  // Notifications are recorded instead of shown, and the test says when the tab is hidden.
  await page.addInitScript(() => {
    const shown: Array<{ title: string; body?: string }> = [];
    const Real = window.Notification;
    class Recorded {
      static get permission() {
        return Real.permission;
      }
      static requestPermission() {
        return Real.requestPermission();
      }
      onclick: (() => void) | null = null;
      constructor(title: string, options?: NotificationOptions) {
        shown.push({ title, body: options?.body });
      }
      close() {}
    }
    let hidden = false;
    Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
    Object.defineProperty(document, "visibilityState", {
      configurable: true,
      get: () => (hidden ? "hidden" : "visible"),
    });
    Object.assign(window, {
      Notification: Recorded,
      __shown: shown,
      __setHidden(value: boolean) {
        hidden = value;
        document.dispatchEvent(new Event("visibilitychange"));
      },
    });
  });
  const shown = () => page.evaluate(() => (window as unknown as { __shown: Array<{ title: string }> }).__shown);
  const setHidden = (value: boolean) =>
    page.evaluate((v) => (window as unknown as { __setHidden: (v: boolean) => void }).__setHidden(v), value);

  await page.goto("/");
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  const toggle = page.getByTestId("notification-toggle");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");

  const location = new TriageLocation(baseURL!, "notify");
  await location.customer("Nell", "Notify");
  await location.customer("Cal", "Caller");
  // Visible tab: no notification.
  await location.sms("Nell", "While you look", 0);
  await expect(row(page, "Nell Notify")).toBeVisible();
  expect(await shown()).toEqual([]);

  await setHidden(true);
  await location.sms("Nell", "Are you open on Saturday?", 0);
  await expect.poll(shown).toEqual([{ title: "New message from Nell Notify", body: "Are you open on Saturday?" }]);
  await location.missedCall("Cal", 0, 5);
  await expect.poll(async () => (await shown()).map((n) => n.title)).toContain("Missed call from Cal Caller");

  // Remembered for this person: still on after a reload.
  await setHidden(false);
  await page.reload();
  await expect(page.getByTestId("notification-toggle")).toHaveAttribute("aria-pressed", "true");
});
