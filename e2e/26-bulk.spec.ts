import { expect, type Page, test } from "@playwright/test";
import { seriousViolations } from "./axe";
import { saveScreenshot } from "./inbox-page";
import { TriageLocation, viewCount } from "./triage-page";

// Issue #24 item 8 in the page: select with x, Shift+j and Shift+click, "Select all N matching",
// act on the whole selection (e, the Assign menu) and take it back as one with Undo / z.

const toasts = (page: Page) => page.getByRole("region", { name: /Notifications/ });
const names = (page: Page) => page.getByTestId("conversation-name").allTextContents();
const checkbox = (page: Page, name: string) => page.getByRole("checkbox", { name: `Select ${name}` });

test("x, Shift+j and Shift+click select; e marks them all done and z brings them all back; all matching assigned at once", async ({
  page,
  baseURL,
}) => {
  const place = new TriageLocation(baseURL!, "bulk");
  const people = ["Bea", "Cal", "Dan", "Eve"];
  for (const [index, first] of people.entries()) {
    await place.customer(first, "Bulk");
    await place.sms(first, `Question ${index + 1}: are you open on Sunday?`, 40 - index);
  }
  const account = await place.accountId(page, "Eve Bulk");
  await page.goto(`/?account=${account}&view=needs-reply`);
  await expect(page.getByTestId("conversation-row")).toHaveCount(4);
  const order = await names(page);

  // j focuses the first row, x ticks it, Shift+j ticks the next too; Shift+click on the last takes the rest.
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await expect(checkbox(page, order[0]!)).toBeChecked();
  await page.keyboard.press("Shift+J");
  await expect(checkbox(page, order[1]!)).toBeChecked();
  await expect(page.getByTestId("bulk-count")).toHaveText("2 selected");
  await page
    .getByTestId("conversation-row")
    .nth(3)
    .click({ modifiers: ["Shift"] });
  await expect(page.getByTestId("bulk-count")).toHaveText("4 selected");
  const bar = page.getByRole("toolbar", { name: "Bulk actions" });
  expect(await seriousViolations(page)).toEqual([]);
  await saveScreenshot(page, "bulk-selection");

  // e: every selected conversation done in one action; z: all back.
  await page.keyboard.press("e");
  await expect(toasts(page).getByText("Marked 4 conversations done")).toBeVisible();
  await expect(page.getByTestId("conversation-row")).toHaveCount(0);
  await expect(bar).toHaveCount(0);
  await page.keyboard.press("z");
  await expect(toasts(page).getByText("Undone")).toBeVisible();
  await expect(page.getByTestId("conversation-row")).toHaveCount(4);
  await expect(viewCount(page, "needs-reply")).toHaveText("4");

  // One ticked by a click, then "Select all 4 matching" and the Assign menu.
  await checkbox(page, order[2]!).click();
  await expect(page.getByTestId("bulk-count")).toHaveText("1 selected");
  await bar.getByRole("button", { name: "Select all 4 matching" }).click();
  await expect(page.getByTestId("bulk-count")).toHaveText("All 4 selected");
  await bar.getByRole("button", { name: "Assign" }).click();
  await page
    .getByRole("menu", { name: "Assign" })
    .getByRole("menuitem", { name: /\(me\)/ })
    .click();
  await expect(toasts(page).getByText("Assigned 4 conversations to you")).toBeVisible();
  await expect(viewCount(page, "mine")).toHaveText("4");
  await expect(page.getByTestId("assignee-badge")).toHaveCount(4);

  // Esc clears a selection without acting.
  await checkbox(page, order[0]!).click();
  await page.keyboard.press("Escape");
  await expect(bar).toHaveCount(0);

  await page.setViewportSize({ width: 390, height: 844 });
  await checkbox(page, order[1]!).click();
  await expect(bar).toBeVisible();
  await saveScreenshot(page, "bulk-selection-390");
  // Measured once the layout has followed the new width (the toast moves to its phone position).
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
    .toBeLessThanOrEqual(0);
});
