import { expect, type Locator, type Page, test } from "@playwright/test";
import { seriousViolations } from "./axe";
import { locationMessage } from "./data";
import { openConversation, postWebhook, saveScreenshot, VIEWPORTS } from "./inbox-page";

// Issue #14 item 5, the player: ±15 s, Space and ←/→ when focused, one player at a time, a
// waveform drawn from the recording's audio (computed by the server), the length before playing.
// Paula's conversation holds a 40 s call recording (its length from the provider) and a 33 s
// voice note sent as an SMS attachment (no length from anyone: the page must find it).

const LOCATION = "loc-e2e-player";
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

let seeded = false;
async function seed(baseURL: string) {
  if (seeded) return;
  const events = [
    { type: "ContactCreate", locationId: LOCATION, id: "paula", firstName: "Paula", lastName: "Player" },
    locationMessage(LOCATION, "paula-call", "paula", {
      messageType: "CALL",
      direction: "outbound",
      status: "completed",
      callStatus: "completed",
      callDuration: 40,
      attachments: ["/api/demo-media/recording-40s-paula.wav"],
      dateAdded: minutesAgo(3),
    }),
    locationMessage(LOCATION, "paula-note", "paula", {
      messageType: "SMS",
      body: "Here is the voice note I mentioned",
      attachments: ["/api/demo-media/voicenote-33s-paula.wav"],
      dateAdded: minutesAgo(2),
    }),
  ];
  for (const event of events) await postWebhook(baseURL, "highlevel", event);
  seeded = true;
}

test.beforeEach(async ({ baseURL }) => seed(baseURL!));

async function openPaula(page: Page) {
  await page.goto("/");
  await openConversation(page, "Paula Player");
  await expect(page.getByTestId("audio-player")).toHaveCount(2);
}

const callPlayer = (page: Page) => page.getByRole("group", { name: "call recording player" });
const notePlayer = (page: Page) => page.getByRole("group", { name: "audio attachment player" });
const audioOf = (player: Locator) => player.getByTestId("audio-element");
const time = (player: Locator) => audioOf(player).evaluate((el: HTMLAudioElement) => el.currentTime);
const paused = (player: Locator) => audioOf(player).evaluate((el: HTMLAudioElement) => el.paused);

/** Heights of the drawn bars (the unplayed layer), in the SVG's units. */
function barHeights(player: Locator) {
  return player
    .getByTestId("waveform")
    .evaluate((svg) =>
      [...svg.querySelectorAll("g:first-of-type > rect")].map((rect) => Number(rect.getAttribute("height"))),
    );
}

test("±15 s buttons move currentTime, clamped to the recording, and the clock and waveform follow", async ({
  page,
}) => {
  await openPaula(page);
  const player = callPlayer(page);
  const forward = player.getByRole("button", { name: "Forward 15 seconds in call recording" });
  const back = player.getByRole("button", { name: "Back 15 seconds in call recording" });
  await forward.click();
  await expect.poll(() => time(player)).toBeCloseTo(15, 1);
  await expect(player.getByTestId("audio-clock")).toHaveText("0:15 / 0:40");
  await forward.click();
  await forward.click();
  await expect.poll(() => time(player)).toBeCloseTo(40, 0); // not past the end
  await back.click();
  await expect.poll(() => time(player)).toBeCloseTo(25, 0);
  await expect(player.getByTestId("audio-clock")).toHaveText("0:25 / 0:40");
  // The played part of the waveform is coloured up to the playhead: 25 of 40 s of the 96-unit width.
  const played = await player
    .getByTestId("waveform")
    .evaluate((svg) => Number(svg.querySelector("clipPath rect")?.getAttribute("width")));
  expect(played).toBeCloseTo((25 / 40) * 96, 0);
  await back.click();
  await back.click();
  await expect.poll(() => time(player)).toBe(0); // not before the start
  // Clicking the waveform seeks there: the middle of 40 s.
  const wave = (await player.getByTestId("waveform").boundingBox())!;
  await page.mouse.click(wave.x + wave.width / 2, wave.y + wave.height / 2);
  await expect.poll(() => time(player)).toBeGreaterThan(18);
  expect(await time(player)).toBeLessThan(22);
  expect(await paused(player)).toBe(true); // skipping does not start playback
});

test("with the player focused, Space plays and pauses and ←/→ skip 15 s; the slider's arrows move 5 s", async ({
  page,
}) => {
  await openPaula(page);
  const player = callPlayer(page);
  await player.focus();
  await expect(player).toBeFocused();
  await page.keyboard.press("Space");
  await expect.poll(() => paused(player)).toBe(false);
  await expect(player.getByRole("button", { name: "Pause call recording" })).toBeVisible();
  await page.keyboard.press("Space");
  await expect.poll(() => paused(player)).toBe(true);
  const start = await time(player);
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => time(player)).toBeCloseTo(start + 15, 1);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowLeft");
  await expect.poll(() => time(player)).toBeCloseTo(start + 15, 1);
  // On a skip button the arrows skip too (Space stays the button's own).
  await player.getByRole("button", { name: /^Forward 15/ }).focus();
  await page.keyboard.press("ArrowLeft");
  await expect.poll(() => time(player)).toBeCloseTo(start, 1);
  // The seek slider keeps its finer step, and Space on it plays.
  await player.getByRole("slider", { name: "Seek call recording" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => time(player)).toBeCloseTo(start + 5, 1);
  await page.keyboard.press("Space");
  await expect.poll(() => paused(player)).toBe(false);
  await page.keyboard.press("Space");
  await expect.poll(() => paused(player)).toBe(true);
  // Outside the player the keys are not the player's.
  const before = await time(player);
  await page.getByTestId("thread-title").click();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Space");
  expect(await time(player)).toBe(before);
  expect(await paused(player)).toBe(true);
});

test("one player at a time: starting the voice note pauses the call, and back", async ({ page }) => {
  await openPaula(page);
  const [call, note] = [callPlayer(page), notePlayer(page)];
  await call.getByRole("button", { name: "Play call recording" }).click();
  await expect.poll(() => paused(call)).toBe(false);
  await note.getByRole("button", { name: "Play audio attachment" }).click();
  await expect.poll(() => paused(note)).toBe(false);
  await expect.poll(() => paused(call)).toBe(true);
  // The keyboard starts a player the same way, and the other stops.
  await call.focus();
  await page.keyboard.press("Space");
  await expect.poll(() => paused(call)).toBe(false);
  await expect.poll(() => paused(note)).toBe(true);
  await call.getByRole("button", { name: "Pause call recording" }).click();
});

test("the waveform is drawn from the recording's audio, and the length shows before playing", async ({ page }) => {
  await openPaula(page);
  const note = notePlayer(page);
  // Nobody told the page the voice note's length: it is known before anything plays.
  await expect(note.getByTestId("audio-clock")).toHaveText("0:00 / 0:33");
  await expect(callPlayer(page).getByTestId("audio-clock")).toHaveText("0:00 / 0:40");
  expect(await paused(note)).toBe(true);
  expect(await time(note)).toBe(0);
  for (const player of [note, callPlayer(page)]) {
    await expect(player.getByTestId("waveform")).toHaveAttribute("data-state", "drawn");
    const heights = await barHeights(player);
    expect(heights.length).toBe(96);
    // Speech-like sound: loud syllables and pauses, not a flat band.
    expect(new Set(heights.map((h) => Math.round(h))).size).toBeGreaterThan(5);
    expect(Math.min(...heights)).toBeLessThan(Math.max(...heights) / 2);
  }
  // The bars are the server's peaks for this recording (computed from its WAV samples).
  const src = await audioOf(note).getAttribute("src");
  const answer = await (await page.request.get(`${src}/waveform`)).json();
  expect(answer.durationSeconds).toBeCloseTo(33, 3);
  expect(answer.peaks.length).toBeGreaterThanOrEqual(200);
  await saveScreenshot(page.getByTestId("audio-player").first(), "22-player-waveform");
});

for (const [width, height] of VIEWPORTS) {
  test(`no serious accessibility violations and a usable player at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openPaula(page);
    const player = callPlayer(page);
    await player.scrollIntoViewIfNeeded();
    await expect(player.getByTestId("waveform")).toHaveAttribute("data-state", "drawn");
    await player.getByRole("button", { name: /^Forward 15/ }).click();
    await expect(player.getByTestId("audio-clock")).toHaveText("0:15 / 0:40");
    // Nothing of the player spills out of the page sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const box = (await player.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect((await player.getByTestId("waveform").boundingBox())!.width).toBeGreaterThan(100);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, `22-player-${width}`);
    if (width === 1440) {
      await page.emulateMedia({ colorScheme: "dark" });
      await player.focus();
      expect(await seriousViolations(page)).toEqual([]);
      await saveScreenshot(page, "22-player-1440-dark");
    }
  });
}
