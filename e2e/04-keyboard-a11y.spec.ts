import { expect, test, type Page } from "@playwright/test";
import { openConversation, saveScreenshot } from "./inbox-page";
import { seriousViolations } from "./axe";

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
  await page.goto("/");
  await openConversation(page, "S*** G***");
  await saveScreenshot(page, "desktop", { docs: true });

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.goto("/");
  await expect(phone.getByTestId("conversation-row").first()).toBeVisible();
  await saveScreenshot(phone, "phone-list", { docs: true });
  await phone.getByTestId("conversation-row").filter({ hasText: "Emma Email" }).click();
  await expect(phone.getByTestId("conversation-list")).toBeHidden();
  await expect(phone.getByTestId("email-message").first()).toBeVisible();
  await saveScreenshot(phone, "phone-thread", { docs: true });
  await phone.getByRole("button", { name: "Customer" }).click();
  await expect(phone.getByTestId("customer-panel")).toBeVisible();
  await phone.getByRole("button", { name: "Back to conversation" }).click();
  await phone.getByRole("button", { name: "Back to conversations" }).click();
  await expect(phone.getByTestId("conversation-list")).toBeVisible();
  await phone.close();
});

const theme = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);

test("theme: follows the system, the header toggle switches it by keyboard, and the choice is remembered", async ({
  browser,
}) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByTestId("conversation-row").first()).toBeVisible();
  // Set before first paint by the nonce'd inline script (a CSP violation would leave it unset).
  expect(await theme(page)).toBe("dark");
  await expect(page.getByRole("button", { name: "System theme" })).toHaveAttribute("aria-pressed", "true");

  // Tab from the top of the page reaches the toggle; Enter picks light.
  const light = page.getByRole("button", { name: "Light theme" });
  await page.locator("body").focus();
  for (let presses = 0; presses < 10 && !(await light.evaluate((el) => el === document.activeElement)); presses++) {
    await page.keyboard.press("Tab");
  }
  await expect(light).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(light).toHaveAttribute("aria-pressed", "true");
  expect(await theme(page)).toBe("light");

  // Remembered across pages and reloads, before React runs.
  await page.goto("/settings");
  expect(await theme(page)).toBe("light");
  await expect(page.getByRole("button", { name: "Light theme" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Dark theme" }).click();
  expect(await theme(page)).toBe("dark");
  await page.reload();
  expect(await theme(page)).toBe("dark");

  // Back to the system's choice, which then follows the system as it changes.
  await page.getByRole("button", { name: "System theme" }).click();
  await page.emulateMedia({ colorScheme: "light" });
  await expect.poll(() => theme(page)).toBe("light");
  await context.close();
});

test("dark theme: axe finds no serious violations (colour contrast included) in the inbox, Settings and sign-in", async ({
  browser,
}) => {
  // Five axe analyses in three contexts: past 60 s on a loaded CI machine. A guard against a hang.
  test.setTimeout(120_000);
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByTestId("conversation-row").first()).toBeVisible();
  expect(await theme(page)).toBe("dark");
  expect(await seriousViolations(page)).toEqual([]);
  await openConversation(page, "S*** G***");
  await expect(page.getByTestId("customer-panel")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await saveScreenshot(page, "dark", { docs: true });
  await openConversation(page, "Victor Voicemail");
  await expect(page.getByTestId("audio-player")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Accounts" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();

  const anonymous = await browser.newContext({ colorScheme: "dark", storageState: { cookies: [], origins: [] } });
  const signIn = await anonymous.newPage();
  await signIn.goto("/sign-in");
  await expect(signIn.getByRole("button", { name: "Sign in" })).toBeEnabled();
  expect(await seriousViolations(signIn)).toEqual([]);
  await anonymous.close();
});

// One test per width and scheme: six in one test ran past the timeout on a loaded 2-core machine.
for (const width of [390, 1024, 1440]) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`screenshots at ${width} px, ${colorScheme}, for a person to look at`, async ({ browser }) => {
      const page = await browser.newPage({ viewport: { width, height: width === 390 ? 844 : 900 }, colorScheme });
      await page.goto("/");
      await openConversation(page, "S*** G***");
      await expect(page.getByTestId("message").first()).toBeVisible();
      // Nothing may stick out sideways at any width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await saveScreenshot(page, `inbox-${width}-${colorScheme}`);
      await page.goto("/settings");
      await expect(page.getByRole("heading", { name: "Accounts" })).toBeVisible();
      await saveScreenshot(page, `settings-${width}-${colorScheme}`, { fullPage: true });
      await page.close();
    });
  }
}
