import { expect, test } from "@playwright/test";
import { SEEDED, expectedLabels, type Channel, type Direction } from "./data";
import { expectLabels, openConversation } from "./inbox-page";

const CHIP: Record<Channel, string> = {
  sms: "SMS",
  call: "Calls",
  voicemail: "Voicemail",
  email: "Email",
  facebook: "Facebook",
  instagram: "Instagram",
  gmb: "Google Business",
  live_chat: "Live chat",
  whatsapp: "WhatsApp",
};

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  // The list is fetched in the browser, so rows mean React runs: typing before that would be lost.
  await expect(page.getByTestId("conversation-row").first()).toBeVisible();
});

test("the list shows every seeded conversation, fixtures included, newest first", async ({ page }) => {
  await expectLabels(
    page,
    SEEDED.map((s) => s.label),
  );
  await expect(page.getByTestId("conversation-name").first()).toHaveText("Fred Failed");
  await expect(page.getByTestId("conversation-row").filter({ hasText: "S*** G***" })).toContainText(
    "Hola Como estas busco a gicela",
  );
});

for (const [channel, chip] of Object.entries(CHIP) as Array<[Channel, string]>) {
  test(`channel filter ${chip} shows exactly the matching conversations`, async ({ page }) => {
    await page.getByRole("button", { name: chip, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`channel=${channel}`));
    await expectLabels(page, expectedLabels([channel], null));
  });
}

for (const direction of ["inbound", "outbound"] as Direction[]) {
  test(`direction filter ${direction} shows exactly the matching conversations`, async ({ page }) => {
    await page.getByRole("button", { name: direction === "inbound" ? "Inbound" : "Outbound", exact: true }).click();
    await expectLabels(page, expectedLabels([], direction));
  });
}

test("filters combine, live in the URL, and a link reproduces the view", async ({ page }) => {
  await page.getByRole("button", { name: "SMS", exact: true }).click();
  await page.getByRole("button", { name: "Email", exact: true }).click();
  await page.getByRole("button", { name: "Outbound", exact: true }).click();
  await expectLabels(page, expectedLabels(["sms", "email"], "outbound"));
  const url = page.url();
  await page.goto("/");
  await page.goto(url);
  await expectLabels(page, expectedLabels(["sms", "email"], "outbound"));
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expectLabels(
    page,
    SEEDED.map((s) => s.label),
  );
});

test("search finds a message by a word in its body, and by customer name", async ({ page }) => {
  await page.getByLabel(/Search messages/).fill("whitening");
  await expectLabels(page, ["Liam Livechat"]);
  await page.getByLabel(/Search messages/).fill("gicela");
  await expectLabels(page, ["S*** G***"]);
  await page.getByLabel(/Search messages/).fill("confirmed");
  await expectLabels(page, ["Emma Email", "Wendy Whatsapp"]);
  await page.getByLabel(/Search messages/).fill("order confirmed");
  await expectLabels(page, ["Emma Email"]);
  await page.getByLabel(/Search messages/).fill("no such words anywhere");
  await expect(page.getByTestId("empty-list")).toContainText("No conversations match");
});

test("the open conversation is in the URL and Back returns to the list", async ({ page }) => {
  await openConversation(page, "Greta Google");
  await expect(page).toHaveURL(/c=/);
  await expect(page.getByTestId("message")).toContainText("Is parking available?");
  await page.goBack();
  await expect(page).not.toHaveURL(/c=/);
  await expect(page.getByText("Select a conversation")).toBeVisible();
});

test("opening a conversation marks it read", async ({ page }) => {
  const row = page.getByTestId("conversation-row").filter({ hasText: "Vera Voicemail" });
  await expect(row).toContainText("1 unread");
  await page.getByLabel("Unread only").check();
  await expect(page).toHaveURL(/unread=true/);
  await expect(row).toBeVisible();
  await page.getByLabel("Unread only").uncheck();
  await openConversation(page, "Vera Voicemail");
  await expect(row).not.toContainText("unread");
  await page.goto("/?unread=true");
  await expect(page.getByTestId("conversation-row").first()).toBeVisible();
  await expect(row).toHaveCount(0);
});
