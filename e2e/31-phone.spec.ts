import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./axe";
import { postWebhook, saveScreenshot, VIEWPORTS } from "./inbox-page";
import { row, TriageLocation } from "./triage-page";

// Issue #26 item 7: the phone is usable at 390 px. Filters collapse behind one control, the
// other pages and Sign out are in a menu, every tap target is at least 44 × 44 px, nothing
// scrolls sideways, and Back from a thread returns to the list where it was.

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
// More rows than a phone's screen holds, so the list has somewhere to scroll to.
const FILLERS = 24;

let account = "";

/** One account: a customer with a phone (the composer), a voicemail (the player) and enough others to scroll. */
async function phoneLocation(page: Page, baseURL: string) {
  if (account) return account;
  const location = new TriageLocation(baseURL, "phone");
  for (const [firstName, lastName, phone] of [
    ["Rosa", "Reply", "+14155550123"],
    ["Vic", "Voicemail", "+14155550124"],
  ] as const)
    await postWebhook(baseURL, "highlevel", {
      type: "ContactCreate",
      locationId: location.locationId,
      id: location.contactId(firstName),
      firstName,
      lastName,
      phone,
    });
  await location.sms("Rosa", "Can I come at 4 today?", 5);
  await location.missedCall("Vic", 10, 6);
  // Side by side: each customer's two deliveries in order, the customers at once.
  await Promise.all(
    Array.from({ length: FILLERS }, async (_, index) => {
      const first = `Filler${String(index).padStart(2, "0")}`;
      await location.customer(first, "Person");
      await location.sms(first, `Question number ${index}`, 20 + index);
    }),
  );
  account = await location.accountId(page, "Filler23 Person");
  const stored = await page.request.put(`/api/accounts/${account}/highlevel-token`, {
    data: { token: "pit-e2e-phone-0123456789" },
    headers: { origin: baseURL },
  });
  expect(stored.status()).toBe(200);
  return account;
}

/**
 * Every visible control smaller than 44 × 44 px, as "what (w×h)" lines. A checkbox or radio inside
 * a label is tapped through its label, so the label is measured.
 */
function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = [
      "a[href]",
      "button",
      "input:not([type=hidden])",
      "select",
      "textarea",
      "summary",
      "[role=button]",
      "[role=tab]",
      "[role=menuitem]",
      "[role=menuitemradio]",
      "[role=menuitemcheckbox]",
      "[role=slider]",
    ].join(",");
    const small: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (!element.checkVisibility({ visibilityProperty: true })) continue;
      const label = element.closest("label");
      const ticked = element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio");
      const target = ticked && label ? label : element;
      const box = target.getBoundingClientRect();
      // Kept for screen readers only (sr-only): not a tap target.
      if (box.width <= 1 || box.height <= 1) continue;
      if (box.width >= 43.5 && box.height >= 43.5) continue;
      const name =
        element.getAttribute("aria-label") ?? (element.textContent ?? "").trim().slice(0, 30) ?? element.tagName;
      small.push(`${element.tagName.toLowerCase()} "${name}" (${Math.round(box.width)}×${Math.round(box.height)})`);
    }
    return small;
  });
}

const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.describe("on a phone (390 px)", () => {
  test.use(PHONE);

  test("filters fold behind one control, the menu leads everywhere, every tap target is 44 px, nothing scrolls sideways", async ({
    page,
    baseURL,
  }) => {
    const id = await phoneLocation(page, baseURL!);
    await page.goto(`/?account=${id}`);
    await expect(row(page, "Rosa Reply")).toBeVisible();

    // Filters: one control saying how many are active (the account), at most a quarter of the screen.
    const filters = page.getByRole("button", { name: /^Filters/ });
    await expect(filters).toHaveAccessibleName("Filters · 1");
    await expect(filters).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("button", { name: "SMS", exact: true })).toBeHidden();
    const folded = (await page.getByTestId("list-filters").boundingBox())!;
    expect(folded.height).toBeLessThanOrEqual(844 * 0.25);
    expect(await smallTapTargets(page), "tap targets under 44 px in the list").toEqual([]);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);

    await filters.click();
    await expect(filters).toHaveAttribute("aria-expanded", "true");
    await page.getByRole("button", { name: "SMS", exact: true }).click();
    await expect(filters).toHaveAccessibleName("Filters · 2");
    await expect(row(page, "Vic Voicemail")).toBeHidden();
    // (The open filters are the desktop's, which 04-keyboard-a11y scans with axe.)
    expect(await smallTapTargets(page), "tap targets under 44 px in the open filters").toEqual([]);
    await saveScreenshot(page, "phone-filters-open-390");
    // Clear filters keeps the account (it says whose list this is).
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(filters).toHaveAccessibleName("Filters · 1");

    // The menu: Reports, the event log, Settings and Sign out.
    await page.goto(`/?account=${id}`);
    await page.getByRole("button", { name: "Menu" }).click();
    const menu = page.getByRole("menu", { name: "Menu" });
    for (const name of ["Reports", "Event log", "Settings", "Sign out"])
      await expect(menu.getByRole("menuitem", { name })).toBeVisible();
    expect(await smallTapTargets(page), "tap targets under 44 px in the menu").toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, "phone-menu-390");
    await menu.getByRole("menuitem", { name: "Settings" }).click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByRole("heading", { name: "Accounts" })).toBeVisible();
    expect(await smallTapTargets(page), "tap targets under 44 px in Settings").toEqual([]);

    // A thread with the composer and a voicemail's player fits the width, and its controls are 44 px.
    await page.goto(`/?account=${id}`);
    await row(page, "Vic Voicemail").click();
    await expect(page.getByTestId("audio-player")).toBeVisible();
    await expect(page.getByRole("textbox", { name: "Reply" })).toBeVisible();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    expect(await smallTapTargets(page), "tap targets under 44 px in the thread").toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, "phone-thread-390");
  });

  test("Back from a thread returns to the list where it was", async ({ page, baseURL }) => {
    const id = await phoneLocation(page, baseURL!);
    await page.goto(`/?account=${id}`);
    const list = page.getByTestId("conversation-list");
    await expect(row(page, "Rosa Reply")).toBeVisible();
    await list.evaluate((element) => element.scrollBy(0, 900));
    const target = row(page, "Filler15 Person");
    await expect(target).toBeInViewport();
    const scrolled = await list.evaluate((element) => element.scrollTop);
    expect(scrolled).toBeGreaterThan(800);

    await target.click();
    await expect(page.getByTestId("thread-title")).toHaveText("Filler15 Person");
    await page.getByRole("button", { name: "Back to conversations" }).click();
    await expect(target).toBeInViewport();
    expect(await list.evaluate((element) => element.scrollTop)).toBe(scrolled);

    // The browser's Back does the same.
    await target.click();
    await expect(page.getByTestId("thread-title")).toHaveText("Filler15 Person");
    await page.goBack();
    await expect(target).toBeInViewport();
    expect(await list.evaluate((element) => element.scrollTop)).toBe(scrolled);
  });
});

test("the phone's list, menu and thread at 390, 1024 and 1440 px, light and dark", { tag: "@screenshots" }, async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000); // six browser contexts, pictures only (not in the suite's time)
  for (const colorScheme of ["light", "dark"] as const)
    for (const [width, height] of VIEWPORTS) {
      const phone = width === 390;
      const context = await browser.newContext({
        viewport: { width, height },
        colorScheme,
        ...(phone ? { isMobile: true, hasTouch: true } : {}),
      });
      const page = await context.newPage();
      const id = await phoneLocation(page, baseURL!);
      await page.goto(`/?account=${id}`);
      await expect(row(page, "Rosa Reply")).toBeVisible();
      await saveScreenshot(page, `phone-list-${width}-${colorScheme}`);
      if (phone) {
        await page.getByRole("button", { name: /^Filters/ }).click();
        await saveScreenshot(page, `phone-filters-${width}-${colorScheme}`);
        await page.getByRole("button", { name: "Menu" }).click();
        await saveScreenshot(page, `phone-menu-${width}-${colorScheme}`);
        await page.keyboard.press("Escape");
      }
      await row(page, "Vic Voicemail").click();
      await expect(page.getByTestId("audio-player")).toBeVisible();
      await saveScreenshot(page, `phone-thread-${width}-${colorScheme}`);
      await page.goto("/reports");
      await expect(page.getByTestId("report-volume")).toBeVisible();
      await saveScreenshot(page, `phone-reports-${width}-${colorScheme}`);
      await context.close();
    }
});
