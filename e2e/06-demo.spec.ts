import { readFileSync } from "node:fs";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { SPEECH_RECORDINGS } from "../lib/demo/speech-manifest";
import { DEMO_LOG, DEMO_URL, type DemoServer, startDemoServer } from "./demo-server";
import { saveScreenshot } from "./inbox-page";

// A second server, started here on an empty embedded database with the demo on (e2e/demo-server.ts):
// what a new user sees after the README's first command, signing in with the demo owner's
// password exactly as the console printed it.

const CHANNELS = ["sms", "call", "voicemail", "email", "facebook", "instagram", "gmb", "live_chat", "whatsapp"];

test.use({ storageState: { cookies: [], origins: [] } });

/**
 * What `path` answers on the demo server, or null for a connection reset: while it seeds, the
 * embedded database holds the server's one thread for moments at a time, and a kept-alive
 * connection can be closed under a poll. That is a poll to make again, not a failure.
 */
async function demoJson<T>(api: APIRequestContext, path: string): Promise<T | null> {
  try {
    return (await (await api.get(`${DEMO_URL}${path}`)).json()) as T;
  } catch {
    return null;
  }
}

let demo: DemoServer | null = null;
test.afterAll(async () => {
  await demo?.stop();
});

function printedCredentials(): { email: string; password: string } | null {
  const log = readFileSync(DEMO_LOG, "utf8");
  const email = /email:\s+(\S+@\S+)/.exec(log)?.[1];
  const password = /password:\s+(\S+)/.exec(log)?.[1];
  return email && password ? { email, password } : null;
}

interface ListBody {
  conversations: Array<{ id: string; customer: { name: string } | null }>;
}

test("the demo prints its owner's credentials, fills an empty database, every channel filter returns conversations, and a recording plays", async ({
  page,
}) => {
  // Starting, migrating and seeding the demo is part of this test: up to 2 min on a busy machine.
  test.setTimeout(360_000);
  demo = await startDemoServer();
  await expect.poll(printedCredentials, { timeout: 60_000 }).not.toBeNull();
  const { email, password } = printedCredentials()!;
  expect(password.length).toBeGreaterThanOrEqual(20);

  await page.setViewportSize({ width: 1400, height: 860 });
  await page.goto(`${DEMO_URL}/`);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The demo seeds as it starts, and the embedded database shares the server's one thread: on a
  // loaded machine the first page can take longer than the usual 10 s while a new user signs in.
  await expect(page.getByTestId("signed-in-as")).toHaveText(email, { timeout: 90_000 });

  const api = page.context().request;
  await expect
    .poll(async () => (await demoJson<ListBody>(api, "/api/conversations?limit=200"))?.conversations.length ?? 0, {
      timeout: 180_000,
      intervals: [2_000],
    })
    .toBeGreaterThanOrEqual(60);

  // Every triage view has something to show (issue #13), Done once the seed is ingested.
  await expect
    .poll(
      async () => {
        const counts = await demoJson<Record<string, number>>(api, "/api/conversations/counts");
        return [counts?.needsReply, counts?.callbacks, counts?.done].every((count) => (count ?? 0) > 0);
      },
      { timeout: 120_000, intervals: [2_000] },
    )
    .toBe(true);

  // The README's picture of the demo inbox: a conversation with an email thread open.
  await page.goto(`${DEMO_URL}/?channel=email`);
  await page.getByTestId("conversation-row").first().click();
  await expect(page.getByTestId("email-message").first()).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.getByTestId("conversation-row").nth(8)).toBeVisible();
  await saveScreenshot(page, "demo", { docs: true });

  for (const channel of CHANNELS) {
    await page.goto(`${DEMO_URL}/?channel=${channel}`);
    await expect(page.getByTestId("conversation-row").first(), channel).toBeVisible();
  }

  // Find a conversation with a playable call recording through the read API, then play it in the page.
  const calls = (await (await api.get(`${DEMO_URL}/api/conversations?channel=call&limit=50`)).json()) as ListBody;
  let target: string | null = null;
  for (const { id } of calls.conversations) {
    const messages = (await (
      await api.get(`${DEMO_URL}/api/conversations/${id}/messages?latest=true&limit=500`)
    ).json()) as { messages: Array<{ attachments: Array<{ playable: boolean }> }> };
    if (messages.messages.some((m) => m.attachments.some((a) => a.playable))) {
      target = id;
      break;
    }
  }
  expect(target).not.toBeNull();
  await page.goto(`${DEMO_URL}/?c=${target}`);
  const player = page.getByTestId("audio-player").last();
  await player.scrollIntoViewIfNeeded();
  await player.getByRole("button", { name: /^Play/ }).click();
  const audio = player.getByTestId("audio-element");
  await expect
    .poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime), { timeout: 10_000 })
    .toBeGreaterThan(0.5);

  // Issue #14 item 7: a voicemail says its transcript. Marcus Reed's (a triage scenario) lasts as
  // long as its spoken recording, and playing from a sentence highlights that sentence.
  const all = (await (await api.get(`${DEMO_URL}/api/conversations?limit=200`)).json()) as ListBody;
  const marcus = all.conversations.find((conversation) => conversation.customer?.name === "Marcus Reed");
  expect(marcus).toBeDefined();
  await page.goto(`${DEMO_URL}/?c=${marcus!.id}`);
  const voicemail = page.getByTestId("voicemail-message").last();
  await voicemail.getByText(/^Transcript \(\d+ sentences\)/).click();
  const sentences = voicemail.getByTestId("transcript-sentence");
  const first = (await sentences.first().textContent())!;
  const recording = SPEECH_RECORDINGS.find((candidate) => candidate.sentences[0]!.text === first);
  expect(recording, first).toBeDefined();
  await expect(sentences).toHaveText(recording!.sentences.map((sentence) => sentence.text));
  await expect(voicemail.getByTestId("call-duration")).toHaveText(`0:${String(recording!.seconds).padStart(2, "0")}`);
  const voicemailAudio = voicemail.getByTestId("audio-element");
  await expect
    .poll(() => voicemailAudio.evaluate((el: HTMLAudioElement) => el.duration), { timeout: 10_000 })
    .toBe(recording!.seconds);
  await sentences.nth(1).click();
  await expect(sentences.nth(1)).toHaveAttribute("aria-current", "true");
  const second = recording!.sentences[1]!;
  const at = await voicemailAudio.evaluate((el: HTMLAudioElement) => el.currentTime * 1000);
  expect(at).toBeGreaterThanOrEqual(second.startMs);
  expect(at).toBeLessThan(second.endMs);
});
