import { expect, test } from "@playwright/test";
import { DEMO_URL } from "./demo-server";

// A second server, started by playwright.config.ts on an empty embedded database with the demo
// on: what a new user sees after the README's first command.

const CHANNELS = ["sms", "call", "voicemail", "email", "facebook", "instagram", "gmb", "live_chat", "whatsapp"];

interface ListBody {
  conversations: Array<{ id: string }>;
}

test("the demo fills an empty database, every channel filter returns conversations, and a recording plays", async ({ page }) => {
  test.setTimeout(240_000);
  await expect
    .poll(async () => ((await (await fetch(`${DEMO_URL}/api/conversations?limit=200`)).json()) as ListBody).conversations.length, { timeout: 180_000, intervals: [2_000] })
    .toBeGreaterThanOrEqual(60);

  // The README's picture of the demo inbox: a conversation with an email thread open.
  await page.setViewportSize({ width: 1400, height: 860 });
  await page.goto(`${DEMO_URL}/?channel=email`);
  await page.getByTestId("conversation-row").first().click();
  await expect(page.getByTestId("email-message").first()).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.getByTestId("conversation-row").nth(8)).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/demo.png" });

  for (const channel of CHANNELS) {
    await page.goto(`${DEMO_URL}/?channel=${channel}`);
    await expect(page.getByTestId("conversation-row").first(), channel).toBeVisible();
  }

  // Find a conversation with a playable call recording through the read API, then play it in the page.
  const calls = (await (await fetch(`${DEMO_URL}/api/conversations?channel=call&limit=50`)).json()) as ListBody;
  let target: string | null = null;
  for (const { id } of calls.conversations) {
    const page = (await (await fetch(`${DEMO_URL}/api/conversations/${id}/messages?latest=true&limit=500`)).json()) as { messages: Array<{ attachments: Array<{ playable: boolean }> }> };
    if (page.messages.some((m) => m.attachments.some((a) => a.playable))) {
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
  await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.5);
});
