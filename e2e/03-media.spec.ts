import { expect, test, type Page } from "@playwright/test";
import { openConversation } from "./inbox-page";

async function playsAtOneAndAHalf(page: Page, label: string) {
  const player = page.getByTestId("audio-player").first();
  await player.getByLabel(/Playback speed/).selectOption("1.5");
  await player.getByRole("button", { name: new RegExp(`Play ${label}`) }).click();
  const audio = player.getByTestId("audio-element");
  await expect
    .poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime), { timeout: 10_000 })
    .toBeGreaterThan(0.75);
  expect(await audio.evaluate((el: HTMLAudioElement) => el.playbackRate)).toBe(1.5);
  expect(await audio.evaluate((el: HTMLAudioElement) => el.paused)).toBe(false);
  await expect(player.getByTestId("audio-clock")).toContainText(/0:0[0-9] \/ 0:0[56]/);
  // Seeking works (the media route answers Range requests).
  await player.getByLabel(new RegExp(`Seek ${label}`)).fill("3");
  await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime)).toBeGreaterThanOrEqual(3);
  await player.getByRole("button", { name: new RegExp(`Pause ${label}`) }).click();
  await expect(player.getByRole("link", { name: new RegExp(`Download ${label}`) })).toHaveAttribute(
    "href",
    /^\/api\/media\/[0-9a-f-]{36}$/,
  );
}

test("a call recording plays at 1.5x", async ({ page }) => {
  await page.goto("/");
  await openConversation(page, "Rita Recording");
  await expect(page.getByTestId("call-message")).toContainText("Outbound call");
  await playsAtOneAndAHalf(page, "call recording");
});

test("a voicemail plays at 1.5x", async ({ page }) => {
  await page.goto("/");
  await openConversation(page, "Victor Voicemail");
  await expect(page.getByTestId("voicemail-message")).toContainText("Voicemail");
  await playsAtOneAndAHalf(page, "voicemail");
});
