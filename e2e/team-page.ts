import { type Browser, expect, type Page } from "@playwright/test";
import type { TriageLocation } from "./triage-page";

/**
 * A colleague in `location`'s account, invited by the administrator from Settings and signed in
 * in a browser context of their own (a second person at the same time).
 */
export async function inviteColleague(page: Page, browser: Browser, location: TriageLocation, name: string) {
  await page.goto("/settings");
  const settings = page.getByRole("region", { name: `Account HighLevel location ${location.locationId}` });
  const email = `${name.split(" ")[0]!.toLowerCase()}-${Date.now()}@threadline.test`;
  await settings.getByLabel("Email to invite").fill(email);
  await settings.getByRole("button", { name: "Create invitation link" }).click();
  const link = (await settings.getByTestId("invite-link").locator("code").innerText()).trim();
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const colleague = await context.newPage();
  await colleague.goto(link);
  await colleague.getByLabel("Your name").fill(name);
  await colleague.getByLabel(/Password/).fill(`${name}'s long password`);
  await colleague.getByRole("button", { name: "Join" }).click();
  await expect(colleague.getByTestId("signed-in-as")).toHaveText(email);
  return { colleague, context, email };
}
