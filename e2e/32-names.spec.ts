import { expect, type Page, test } from "@playwright/test";
import { DEMO_LOCATION_NAMES, nameScenarioEvents } from "../lib/demo/name-scenarios";
import { replyScenarioEvents } from "../lib/demo/reply-scenarios";
import { ADMIN_STORAGE_STATE } from "./auth";
import { seriousViolations } from "./axe";
import { postWebhook, saveScreenshot, VIEWPORTS } from "./inbox-page";

// Names a person recognises (issue #26, 8), on the demo's own data (lib/demo/name-scenarios.ts,
// reply-scenarios.ts): its locations by their business names, its two teammates called Ana told
// apart, and Daniel Kim, on HighLevel and on Voxity by one phone number, shown as one customer
// once an owner accepts.

const MIAMI = "loc-demo-miami" as const;
const TAMPA = "loc-demo-tampa" as const;
// The spec posts its own events: Voxity names no agent, so the account reads as its id here
// (the demo names its Voxity accounts before seeding, lib/demo/auto-seed.ts).
const VOXITY_LUIS = "Voxity agent agent-demo-luis";
const DANIEL_PHONE = "+1 305 557 0002";

test.beforeAll(async ({ baseURL }) => {
  // On the hour: a worker started again after a failure posts the same events (duplicates), not new ones.
  const now = Math.floor(Date.now() / 3_600_000) * 3_600_000;
  for (const { provider, payload } of [...replyScenarioEvents(now, 3), ...nameScenarioEvents(now)])
    await postWebhook(baseURL!, provider, payload);
});

/** Every stored delivery applied: what is on the page after this is what the worker made of them. */
async function eventsApplied(page: Page) {
  await expect
    .poll(async () => ((await (await page.request.get("/api/events/summary")).json()) as { backlog: number }).backlog)
    .toBe(0);
}

async function accountId(page: Page, externalId: string) {
  const { accounts } = (await (await page.request.get("/api/accounts")).json()) as {
    accounts: Array<{ id: string; externalId: string }>;
  };
  return accounts.find((account) => account.externalId === externalId)!.id;
}

test("accounts go by HighLevel's business names, in the list and in Settings", async ({ page }) => {
  await eventsApplied(page);
  await page.goto("/?q=Daniel");
  const daniel = page.getByTestId("conversation-row").filter({ hasText: "Daniel Kim" });
  await expect(daniel).toHaveCount(2);
  expect((await daniel.getByTestId("conversation-account").allInnerTexts()).sort()).toEqual([
    DEMO_LOCATION_NAMES[MIAMI],
    VOXITY_LUIS,
  ]);
  await expect(page.getByText(`HighLevel location ${MIAMI}`)).toHaveCount(0);

  // An owner's own name, and that it outlasts a later LocationUpdate, is app/api/accounts/[id]/route.test.ts's.
  await page.goto("/settings");
  const tampa = page.getByRole("region", { name: `Account ${DEMO_LOCATION_NAMES[TAMPA]}` });
  await expect(tampa).toBeVisible();
  await expect(page.getByRole("region", { name: `Account ${DEMO_LOCATION_NAMES[MIAMI]}` })).toBeVisible();
  // These two accounts' settings; the whole Settings page is e2e/04's, judged before the suite adds dozens more.
  expect(
    await seriousViolations(page, {
      include: [MIAMI, TAMPA].map((id) => `[aria-label="Account ${DEMO_LOCATION_NAMES[id]}"]`),
    }),
  ).toEqual([]);
  await saveScreenshot(tampa, "32-names-settings-1440");
});

test("two teammates called Ana are Ana R. and Ana T. in the reports, never two 'Ana's", async ({ page }) => {
  await eventsApplied(page);
  await page.goto(`/reports?account=${await accountId(page, MIAMI)}`);
  // The axis's names (SVG text), under the bars.
  const ticks = page.getByTestId("chart-agents").locator("svg text");
  await expect(ticks.filter({ hasText: /^Ana/ })).toHaveText(["Ana R.", "Ana T."]);
  await expect(page.getByTestId("table-agents").locator("tbody")).toContainText("Ana Torres");
  expect(await seriousViolations(page)).toEqual([]);
  await saveScreenshot(page.getByTestId("report-agents"), "32-names-reports-1440");
});

test("Daniel Kim on HighLevel and Voxity: 'Also in' links the other, an owner accepts, and both conversations are his", async ({
  page,
  browser,
}) => {
  await eventsApplied(page);
  await page.goto(`/?account=${await accountId(page, MIAMI)}&q=Daniel`);
  await page.getByTestId("conversation-row").click();
  const panel = page.getByTestId("customer-panel");
  const alsoIn = panel.getByTestId("same-person");
  await expect(alsoIn).toContainText(`Also in: Voxity · ${VOXITY_LUIS} · ${DANIEL_PHONE}`);
  await expect(panel.getByTestId("customer-conversations")).toContainText("This is their only conversation.");
  expect(await seriousViolations(page)).toEqual([]);
  for (const [width, height] of VIEWPORTS) {
    await page.setViewportSize({ width, height });
    if (width < 1200) await page.getByRole("button", { name: "Customer", exact: true }).click();
    await expect(alsoIn.getByRole("button", { name: "Accept" })).toBeVisible();
    await saveScreenshot(page, `32-names-same-person-${width}`);
    if (width < 1200) await page.getByRole("button", { name: "Back to conversation" }).click();
  }
  // Dark: the suggestion and its buttons keep their contrast.
  const dark = await browser.newContext({
    colorScheme: "dark",
    viewport: { width: 1440, height: 900 },
    storageState: ADMIN_STORAGE_STATE,
  });
  const darkPage = await dark.newPage();
  await darkPage.goto(page.url());
  await expect(darkPage.getByTestId("same-person").getByRole("button", { name: "Accept" })).toBeVisible();
  expect(await seriousViolations(darkPage)).toEqual([]);
  await saveScreenshot(darkPage, "32-names-same-person-dark");
  await dark.close();

  // Accept: one person. His Voxity conversation joins his conversations; opening it, its panel
  // says where the other one is, linked.
  await alsoIn.getByRole("button", { name: "Accept" }).click();
  await expect(alsoIn).toContainText("linked as one person");
  await expect(alsoIn.getByRole("button", { name: "Accept" })).toHaveCount(0);
  const linked = panel.getByTestId("linked-conversation");
  await expect(linked).toHaveText(new RegExp(`^Voxity · ${VOXITY_LUIS}`));
  await linked.getByRole("button").click();
  await expect(page.getByTestId("customer-origin")).toHaveText(/^Voxity/);
  await expect(alsoIn).toContainText(
    `Also in: HighLevel · ${DEMO_LOCATION_NAMES[MIAMI]} · ${DANIEL_PHONE} · linked as one person`,
  );
  await expect(linked).toHaveText(new RegExp(`^HighLevel · ${DEMO_LOCATION_NAMES[MIAMI]}`));
  await saveScreenshot(page, "32-names-same-person-linked-1440");
});
