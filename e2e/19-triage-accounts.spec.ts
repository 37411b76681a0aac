import { expect, test } from "@playwright/test";
import { seriousViolations } from "./axe";
import { saveScreenshot } from "./inbox-page";
import { row, TriageLocation, viewCount } from "./triage-page";

// Issue #13 item 7: someone who reads several accounts picks one by its name (two customers of the
// same name in two locations stop looking alike), the choice lives in the URL, the counts follow.

test("the account filter shows one account's conversations and counts, by name, in the URL", async ({
  page,
  baseURL,
}) => {
  const north = new TriageLocation(baseURL!, "north");
  const south = new TriageLocation(baseURL!, "south");
  for (const location of [north, south]) await location.customer("Hannah", "King");
  await north.sms("Hannah", "North office: is parking free?", 30);
  await south.sms("Hannah", "South office: can I move my cleaning?", 20);
  await south.sms("Hannah", "South office: thanks!", 10, "outbound");
  const southId = await south.accountId(page, "South office");

  await page.goto("/");
  const picker = page.getByLabel("Account");
  await expect(picker).toBeVisible();
  await expect(picker.locator("option", { hasText: `HighLevel location ${south.locationId}` })).toHaveCount(1);
  await picker.selectOption({ label: `HighLevel location ${south.locationId}` });
  await expect(page).toHaveURL(new RegExp(`account=${southId}`));
  await expect(page.getByTestId("conversation-row")).toHaveCount(1);
  await expect(row(page, "Hannah King").getByTestId("conversation-preview")).toHaveText("South office: thanks!");
  await expect(viewCount(page, "all")).toHaveText("1");
  await expect(viewCount(page, "needs-reply")).toHaveText("0");
  // One account picked: the rows need not say whose they are.
  await expect(page.getByTestId("conversation-account")).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await saveScreenshot(page, "19-triage-account-filter-1440");

  // Back to every account: both Hannahs are there again.
  await picker.selectOption({ label: "All accounts" });
  await expect(page).not.toHaveURL(/account=/);
  await page.getByLabel("Search messages, subjects, names, phones and emails").fill("Hannah");
  // Every account: each Hannah King row, the thread and the customer panel say which location.
  for (const [preview, location] of [
    ["North office", north],
    ["South office", south],
  ] as const) {
    const hannah = row(page, "Hannah King").filter({ hasText: preview });
    await expect(hannah.getByTestId("conversation-account")).toHaveText(`HighLevel location ${location.locationId}`);
    await hannah.click();
    await expect(page.getByTestId("thread-account")).toHaveText(`HighLevel location ${location.locationId}`);
    await expect(page.getByTestId("customer-account")).toHaveText(`HighLevel location ${location.locationId}`);
  }
  await saveScreenshot(page, "19-triage-account-names-1440");

  // On a phone the long location name gives way: the customer's name is shown whole.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/?q=Hannah");
  const name = row(page, "Hannah King").first().getByTestId("conversation-name");
  await expect(name).toBeVisible();
  const whole = (element: HTMLElement) => element.scrollWidth <= element.clientWidth;
  expect(await name.evaluate(whole)).toBe(true);
  await saveScreenshot(page, "19-triage-account-names-390");
  // And in the thread's header, beside its buttons.
  await name.click();
  await expect(page.getByTestId("thread-title")).toHaveText("Hannah King");
  await expect(page.getByTestId("thread-account")).toHaveCount(1);
  expect(await page.getByTestId("thread-title").evaluate(whole)).toBe(true);
});
