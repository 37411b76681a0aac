import { copyFileSync, mkdirSync } from "node:fs";
import { expect, type Locator, type Page } from "@playwright/test";
import { postSignedWebhook } from "./auth";

// Small helpers over what a person sees; no test reaches into the app's state.

export async function visibleLabels(page: Page): Promise<string[]> {
  const names = await page.getByTestId("conversation-name").allInnerTexts();
  return names.sort();
}

export async function expectLabels(page: Page, expected: string[]) {
  if (expected.length === 0) {
    await expect(page.getByTestId("empty-list")).toBeVisible();
    return;
  }
  await expect.poll(() => visibleLabels(page)).toEqual([...expected].sort());
}

export async function openConversation(page: Page, label: string) {
  await page
    .getByTestId("conversation-row")
    .filter({ has: page.getByTestId("conversation-name").getByText(label, { exact: true }) })
    .click();
  await expect(page.getByTestId("thread-title")).toHaveText(label);
}

const SCREENSHOTS = "test-results/screenshots";
const DOCS_SCREENSHOTS = "docs/screenshots";

// Pictures are for people, not assertions: they are written only by `npm run screenshots`
// (SCREENSHOTS=1), into test-results/screenshots (ignored by git) for a person to look at, and a
// `docs` picture (one the README shows) also into docs/screenshots. An ordinary test run writes
// none, so the suite spends no time encoding PNGs and never changes tracked files.
const TAKE_SCREENSHOTS = process.env.SCREENSHOTS === "1";

/** The widths every screen is checked at: a phone, a tablet, a desktop. */
export const VIEWPORTS = [
  [390, 844],
  [1024, 768],
  [1440, 900],
] as const;

export async function saveScreenshot(
  target: Page | Locator,
  name: string,
  options: { docs?: boolean; fullPage?: boolean } = {},
) {
  if (!TAKE_SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}/${name}.png`;
  if ("goto" in target) await target.screenshot({ path, fullPage: options.fullPage ?? false });
  else await target.screenshot({ path });
  if (options.docs) {
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    copyFileSync(path, `${DOCS_SCREENSHOTS}/${name}.png`);
  }
}

export async function postWebhook(baseUrl: string, provider: "highlevel" | "voxity", payload: Record<string, unknown>) {
  const { status, answer } = await postSignedWebhook(baseUrl, provider, payload);
  expect(status).toBe(200);
  return { status: answer };
}

/** Records every dialog the page opens (dismissing it) and every request that matches `suspicious`. */
export function watchForAttacks(page: Page, suspicious: (url: string) => boolean) {
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("request", (request) => {
    if (suspicious(request.url())) requests.push(request.url());
  });
  return { dialogs, requests };
}

/** Adds to `seen` every number that `marker` (with one capture group, flag g) finds in the email frames now rendered. */
export async function collectFrameMarkers(page: Page, marker: RegExp, seen: Set<number>) {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const text = await frame
      .locator("body")
      .innerText({ timeout: 1_000 })
      .catch(() => "");
    for (const match of text.matchAll(marker)) seen.add(Number(match[1]));
  }
}

/** A contact and a thread of emails from them, one per body, a minute apart, oldest first. */
export async function seedEmails(baseURL: string, contactId: string, name: [string, string], bodies: string[]) {
  await postWebhook(baseURL, "highlevel", {
    type: "ContactCreate",
    locationId: "loc-emails",
    id: contactId,
    firstName: name[0],
    lastName: name[1],
  });
  for (const [index, body] of bodies.entries())
    await postWebhook(baseURL, "highlevel", {
      type: "InboundMessage",
      locationId: "loc-emails",
      contactId,
      conversationId: `conv-${contactId}`,
      messageId: `${contactId}-${index}`,
      messageType: "Email",
      subject: `Email ${index}`,
      from: "sender@example.com",
      to: "front@clinic.example",
      body,
      dateAdded: new Date(Date.UTC(2025, 10, 2, 0, index)).toISOString(),
    });
}
