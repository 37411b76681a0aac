import { expect, type Locator, type Page, test } from "@playwright/test";
import { locationMessage } from "./data";
import { setHighLevelPipelines, setHighLevelTranscription } from "./highlevel-api";
import { openConversation, postWebhook } from "./inbox-page";

// Issue #14, an ordinary recorded call (no Voice AI): its transcript comes from HighLevel's API
// (the suite's stand-in) once the account has a token. Clicking a sentence plays the recording
// from that sentence, and the sentence being spoken is marked while it plays. The location is
// this run's own, so the stand-in answers for it and for nothing else.

const location = `loc-e2e-seek-${Date.now().toString(36)}`;
const account = `HighLevel location ${location}`;
const contactId = `${location}-sid`;
const callMessageId = `${location}-call`;

// Times in ms across the 40 s recording; the fourth sentence is short, so playing from it
// reaches the fifth two seconds later.
const SENTENCES = [
  [0, 5_000, "Thanks for calling Smile Dental, this is Dana."],
  [5_000, 10_000, "Hi, I would like to move my cleaning."],
  [10_000, 20_000, "Sure, which day suits you better?"],
  [20_000, 22_000, "Thursday morning, if you can."],
  [22_000, 40_000, "Thursday at nine is free, I have put you down."],
] as const;

async function seedCallWithToken(page: Page, baseURL: string) {
  await setHighLevelPipelines(location);
  await setHighLevelTranscription(
    location,
    callMessageId,
    SENTENCES.map(([startTime, endTime, transcript], index) => ({
      mediaChannel: index % 2 === 0 ? 2 : 1,
      sentenceIndex: index,
      startTime,
      endTime,
      transcript,
      confidence: 0.93,
    })),
  );
  await postWebhook(baseURL, "highlevel", {
    type: "ContactCreate",
    locationId: location,
    id: contactId,
    firstName: "Sid",
    lastName: "Seeker",
  });

  // The owner stores the location's API token in Settings, as a person would.
  const region = page.getByRole("region", { name: `Account ${account}` });
  await expect(async () => {
    await page.goto("/settings");
    await expect(region).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  const input = region
    .getByRole("form", { name: `HighLevel API token for ${account}` })
    .getByLabel("HighLevel API token");
  await input.fill("pit-e2e-seek-token");
  await input.press("Enter");
  await expect(region.getByTestId("highlevel-token-status")).toContainText("A token is stored");

  // A recorded call after the token: the app queues its transcript and fetches it from "HighLevel".
  await postWebhook(
    baseURL,
    "highlevel",
    locationMessage(location, callMessageId, contactId, {
      messageType: "CALL",
      status: "completed",
      callStatus: "completed",
      callDuration: 40,
      attachments: ["/api/demo-media/call-40s-voiceai.wav"],
      dateAdded: new Date(Date.now() - 60_000).toISOString(),
    }),
  );
}

/** Opens Sid's thread once the fetched transcript is there (the suite's servers fetch every 2 s) and unfolds it. */
async function openTranscript(page: Page): Promise<Locator> {
  const call = page.getByTestId("call-message");
  const unfold = call.getByText(`Transcript (${SENTENCES.length} sentences)`);
  await expect(async () => {
    await page.goto("/");
    await openConversation(page, "Sid Seeker");
    await expect(unfold).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 45_000 });
  await unfold.click();
  const sentences = call.getByTestId("transcript-sentence");
  await expect(sentences).toHaveCount(SENTENCES.length);
  return call;
}

const currentTime = (call: Locator) =>
  call.getByTestId("audio-element").evaluate((audio: HTMLAudioElement) => audio.currentTime);

/** The start times (ms) of the sentences marked as being spoken. */
const spoken = (call: Locator) =>
  call
    .locator('[data-testid="transcript-sentence"][aria-current="true"]')
    .evaluateAll((buttons) => buttons.map((button) => Number(button.getAttribute("data-start-ms"))));

test("clicking a sentence of a recorded call plays from it, and the sentence being spoken is marked as playback moves on", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await seedCallWithToken(page, baseURL!);
  const call = await openTranscript(page);
  const sentences = call.getByTestId("transcript-sentence");
  for (const [index, [startMs]] of SENTENCES.entries())
    await expect(sentences.nth(index)).toHaveAttribute("data-start-ms", String(startMs));
  await expect(sentences.first()).toHaveAccessibleName(/Thanks for calling Smile Dental/);
  expect(await spoken(call)).toEqual([]); // nothing played yet

  // The fourth sentence starts at 20 s: the player jumps there and plays.
  await sentences.nth(3).click();
  // Within 5 s: playing from the start without the jump could not get there.
  await expect.poll(() => currentTime(call), { timeout: 5_000 }).toBeGreaterThanOrEqual(20);
  expect(await currentTime(call)).toBeLessThan(22);
  await expect(sentences.nth(3)).toHaveAttribute("aria-current", "true");
  expect(await spoken(call)).toEqual([20_000]);
  await expect(call.getByTestId("audio-clock")).toHaveText(/^0:2[01] \/ 0:40$/);

  // Playing on past 22 s, the mark moves to the fifth sentence and leaves the fourth.
  await expect.poll(() => spoken(call), { timeout: 6_000 }).toEqual([22_000]);
  expect(await currentTime(call)).toBeGreaterThanOrEqual(22);

  // An earlier sentence, clicked while playing, takes the player (and the mark) back.
  await sentences.nth(1).click();
  await expect.poll(() => currentTime(call)).toBeLessThan(7);
  expect(await currentTime(call)).toBeGreaterThanOrEqual(5);
  await expect.poll(() => spoken(call)).toEqual([5_000]);
});
