import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { openConversation } from "./inbox-page";

const SCREENSHOTS = "docs/screenshots";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join(", ")}`);
}

test("keyboard: / searches, j/k move, Enter opens, Esc goes back", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("conversation-row").first()).toBeVisible();
  await page.keyboard.press("/");
  await expect(page.getByLabel(/Search messages/)).toBeFocused();
  // Esc leaves the search box for the list.
  await page.keyboard.press("Escape");
  const first = page.getByTestId("conversation-row").nth(0);
  const second = page.getByTestId("conversation-row").nth(1);
  await expect(first).toBeFocused();
  await page.keyboard.press("j");
  await expect(second).toBeFocused();
  await page.keyboard.press("k");
  await expect(first).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(second).toBeFocused();
  const label = await second.getByTestId("conversation-name").innerText();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("thread-title")).toHaveText(label);
  await expect(page).toHaveURL(/c=/);
  await page.keyboard.press("Escape");
  await expect(page).not.toHaveURL(/c=/);
  await expect(page.getByText("Select a conversation")).toBeVisible();
});

test("axe finds no serious violations in the list, a thread and the customer panel", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("conversation-row").first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await openConversation(page, "S*** G***");
  await expect(page.getByTestId("customer-panel")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await openConversation(page, "Victor Voicemail");
  await expect(page.getByTestId("audio-player")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("screenshots of the desktop and phone layouts", async ({ page, browser }) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.goto("/");
  await openConversation(page, "S*** G***");
  await page.screenshot({ path: `${SCREENSHOTS}/desktop.png` });

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.goto("/");
  await expect(phone.getByTestId("conversation-row").first()).toBeVisible();
  await phone.screenshot({ path: `${SCREENSHOTS}/phone-list.png` });
  await phone.getByTestId("conversation-row").filter({ hasText: "Emma Email" }).click();
  await expect(phone.getByTestId("conversation-list")).toBeHidden();
  await expect(phone.getByTestId("email-message").first()).toBeVisible();
  await phone.screenshot({ path: `${SCREENSHOTS}/phone-thread.png` });
  await phone.getByRole("button", { name: "Customer" }).click();
  await expect(phone.getByTestId("customer-panel")).toBeVisible();
  await phone.getByRole("button", { name: "Back to conversation" }).click();
  await phone.getByRole("button", { name: "Back to conversations" }).click();
  await expect(phone.getByTestId("conversation-list")).toBeVisible();
  await phone.close();
});
