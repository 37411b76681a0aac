import { readFileSync } from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { ADMIN_STORAGE_STATE } from "./auth";
import { seriousViolations } from "./axe";
import { postWebhook, saveScreenshot } from "./inbox-page";

// The Reports page (issue #15) in New York's zone, on conversations of its own two locations,
// timed relative to now so the presets find them: a missed call 3 days ago returned 2 h later,
// a voicemail 60 days ago never returned (only the 90-day range sees it), and another location's SMS.

const TZ = "America/New_York";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.now();
const iso = (t: number) => new Date(t).toISOString();
const nyDay = (t: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit" }).format(t);
const MISSED_AT = now - 3 * DAY;

test.use({ timezoneId: TZ });

let seeded = false;
async function seed(baseURL: string) {
  if (seeded) return;
  seeded = true;
  const send = (payload: Record<string, unknown>) => postWebhook(baseURL, "highlevel", payload);
  const contact = (locationId: string, id: string, firstName: string, lastName: string) =>
    send({ type: "ContactCreate", locationId, id, firstName, lastName });
  const message = (locationId: string, contactId: string, id: string, at: number, fields: Record<string, unknown>) =>
    send({
      type: "InboundMessage",
      direction: "inbound",
      locationId,
      contactId,
      conversationId: `conv-${contactId}`,
      messageId: id,
      dateAdded: iso(at),
      ...fields,
    });
  const call = (callStatus: string) => ({ messageType: "CALL", callStatus, body: null });
  await contact("loc-reports", "rep-mona", "Mona", "Missedcall");
  await message("loc-reports", "rep-mona", "rep-mona-1", MISSED_AT, call("no-answer"));
  await message("loc-reports", "rep-mona", "rep-mona-2", MISSED_AT + 2 * HOUR, {
    ...call("completed"),
    type: "OutboundMessage",
    direction: "outbound",
    userId: "u-rhea",
    userName: "Rhea Agent",
  });
  await contact("loc-reports", "rep-vera", "Vera", "Voicemail");
  await message("loc-reports", "rep-vera", "rep-vera-1", now - 60 * DAY, { messageType: "SMS", body: "Hello?" });
  await message("loc-reports", "rep-vera", "rep-vera-2", now - 60 * DAY + HOUR, call("voicemail"));
  await contact("loc-reports-2", "rep-otto", "Otto", "Other");
  await message("loc-reports-2", "rep-otto", "rep-otto-1", now - DAY, { messageType: "SMS", body: "Any news?" });
}

async function accountId(page: Page, externalId: string): Promise<string> {
  const { accounts } = (await (await page.request.get("/api/accounts")).json()) as {
    accounts: Array<{ id: string; externalId: string }>;
  };
  const account = accounts.find((a) => a.externalId === externalId);
  if (!account) throw new Error(`no account ${externalId}`);
  return account.id;
}

/** The sum of every number in a chart's table: a figure that moves when the filters do. */
async function tableTotal(page: Page, name: string): Promise<number> {
  const cells = await page.getByTestId(`table-${name}`).locator("tbody td").allInnerTexts();
  return cells
    .map(Number)
    .filter((n) => Number.isFinite(n))
    .reduce((a, b) => a + b, 0);
}

async function openReports(
  browser: Browser,
  query: string,
  options: { width?: number; colorScheme?: "light" | "dark" } = {},
) {
  const width = options.width ?? 1440;
  const context = await browser.newContext({
    viewport: { width, height: width === 390 ? 844 : 900 },
    colorScheme: options.colorScheme ?? "light",
    timezoneId: TZ,
    storageState: ADMIN_STORAGE_STATE,
  });
  const page = await context.newPage();
  await page.goto(`/reports${query}`);
  for (const name of ["volume", "calls", "first-response", "heatmap", "agents"])
    await expect(page.getByTestId(`report-${name}`)).toBeVisible();
  return { page, close: () => context.close() };
}

test.beforeEach(async ({ baseURL }) => seed(baseURL!));

test("every chart renders; screenshots at 390, 1024 and 1440 px, light and dark; axe clean", async ({ browser }) => {
  test.setTimeout(240_000); // six pages, four analysed by axe
  for (const width of [390, 1024, 1440])
    for (const colorScheme of ["light", "dark"] as const) {
      const { page, close } = await openReports(browser, "?range=90d", { width, colorScheme });
      for (const name of ["volume", "calls", "first-response", "agents"])
        await expect(page.getByTestId(`chart-${name}`).locator("svg.recharts-surface").first()).toBeVisible();
      await expect(page.getByTestId("chart-heatmap")).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      // axe once per width, and in both schemes at 1440 (contrast differs by scheme, not by width).
      if (colorScheme === "dark" || width === 1440) expect(await seriousViolations(page)).toEqual([]);
      await saveScreenshot(page, `reports-${width}-${colorScheme}`, { fullPage: true, docs: width === 1440 });
      await close();
    }
});

test("the range and account filters change the numbers, and live in the URL", async ({ browser }) => {
  const { page, close } = await openReports(browser, "?range=90d");
  const reports = await accountId(page, "loc-reports");
  await page.getByTestId("report-account").selectOption(reports);
  await expect(page).toHaveURL(new RegExp(`account=${reports}`));
  await expect(page.getByTestId("never-returned")).toHaveText("1 never returned");
  await page.getByRole("button", { name: "30 days", exact: true }).click();
  // 30 days is the default: it leaves the URL.
  await expect(page).not.toHaveURL(/range=/);
  await expect(page.getByTestId("never-returned")).toHaveText("0 never returned");
  const oneAccount = await tableTotal(page, "volume");
  await page.getByTestId("report-account").selectOption("");
  await expect.poll(() => tableTotal(page, "volume")).toBeGreaterThan(oneAccount);
  await page.goBack();
  await expect(page.getByTestId("report-account")).toHaveValue(reports);
  await close();
});

test("a chart's table view and its CSV hold the same numbers", async ({ browser }) => {
  const { page, close } = await openReports(browser, `?range=7d`);
  const card = page.getByTestId("report-calls");
  await card.getByRole("button", { name: "Table" }).click();
  await expect(card.getByTestId("table-calls")).toBeVisible();
  const header = await card.locator("thead th").allInnerTexts();
  const rows = await card
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "")));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    card.getByRole("button", { name: "CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("calls.csv");
  const csv = readFileSync((await download.path())!, "utf8")
    .trim()
    .split(/\r\n/)
    .map((line) => line.split(","));
  expect(csv[0]).toEqual(header);
  expect(csv.slice(1)).toEqual(rows.map((row) => row.map((cell) => (cell === "—" ? "" : cell))));
  expect(rows.some((row) => row[0] === nyDay(MISSED_AT))).toBe(true);
  await close();
});

test("a click on a day's missed-calls bar opens the inbox filtered to those calls", async ({ browser }) => {
  const { page, close } = await openReports(browser, "?range=7d");
  await page.getByTestId("report-account").selectOption(await accountId(page, "loc-reports"));
  // The week's only inbound call of the location is the missed one: one visible bar.
  const bar = page.getByTestId("chart-calls").locator(".recharts-bar-rectangle path");
  await expect(bar).toHaveCount(1);
  await bar.click();
  await expect(page).toHaveURL(new RegExp(`missedOn=${nyDay(MISSED_AT)}`));
  await expect(page.getByTestId("missed-on-filter")).toContainText(nyDay(MISSED_AT));
  const list = page.getByRole("complementary", { name: "Conversation list" });
  await expect(list.getByText("Mona Missedcall")).toBeVisible();
  await expect(list.getByText("Otto Other")).toHaveCount(0);
  await expect(list.getByText("Vera Voicemail")).toHaveCount(0);
  await saveScreenshot(page, "reports-missed-calls-inbox");
  await close();
});

test("a reversed range says what is wrong in words and one click shows the last 30 days; the heatmap has a legend", async ({
  page,
}) => {
  await page.goto("/reports?range=custom&from=2026-11-30&to=2026-11-01");
  await expect(page.getByRole("alert").filter({ hasText: "The range starts" })).toContainText(
    "The range starts (2026-11-30) after it ends (2026-11-01)",
  );
  await expect(page.getByTestId("report-volume")).toHaveCount(0);
  await page.getByRole("button", { name: "Show the last 30 days" }).click();
  await expect(page.getByTestId("report-volume")).toBeVisible();
  await expect(page.getByTestId("heatmap-legend")).toContainText("busiest hour");
});
