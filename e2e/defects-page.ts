import { expect, type Page } from "@playwright/test";
import { ottoEvents, unreadEvents } from "./defects-data";
import { postWebhook } from "./inbox-page";

// What the issue #12 specs share: seeding their conversations once, finding and opening rows.

let seeded = false;
export async function seedDefects(baseURL: string) {
  if (seeded) return;
  for (const event of [...ottoEvents(), ...unreadEvents()]) await postWebhook(baseURL, "highlevel", event);
  seeded = true;
}

export function row(page: Page, label: string) {
  return page
    .getByTestId("conversation-row")
    .filter({ has: page.getByTestId("conversation-name").getByText(label, { exact: true }) });
}

export async function openOtto(page: Page, query = "") {
  await page.goto(`/${query}`);
  await row(page, "Otto Outcomes").click();
  await expect(page.getByTestId("thread-title")).toHaveText("Otto Outcomes");
  await expect(page.getByTestId("message")).toHaveCount(6);
}
