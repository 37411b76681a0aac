import { expect, test } from "@playwright/test";
import { openConversation, watchForAttacks } from "./inbox-page";

test.beforeEach(async ({ page }) => {
  await page.goto("/");
});

test("the Voxity conversation shows its 5 messages with customer S*** G*** and the opportunity beside it", async ({
  page,
}) => {
  await openConversation(page, "S*** G***");
  await expect(page.getByTestId("message")).toHaveCount(5);
  await expect(page.getByTestId("message").first()).toContainText("Hola le escribo desde SUnset calle 8");
  await expect(page.getByTestId("message").last()).toContainText("Hola Como estas busco a gicela");
  const panel = page.getByTestId("customer-panel");
  await expect(panel.getByTestId("customer-name")).toHaveText("S*** G***");
  await expect(panel.getByTestId("sms-consent")).toHaveText("Opted in");
  const opportunity = panel.getByTestId("opportunity");
  await expect(opportunity).toContainText("Smile Design Inquiry - S*** G***");
  await expect(opportunity.getByTestId("opportunity-score")).toHaveText("70");
});

test("a hostile email renders its HTML and runs nothing", async ({ page }) => {
  const { dialogs, requests: outbound } = watchForAttacks(
    page,
    (url) => !/^(http:\/\/127\.0\.0\.1|data:|about:)/.test(url),
  );
  await openConversation(page, "Hank Hostile");
  const email = page.getByTestId("email-message");
  await expect(email).toContainText("Quarterly update");
  await expect(email).toContainText("front@clinic.example, billing@clinic.example");
  const frame = page.frameLocator("[data-testid='email-frame']");
  await expect(frame.getByText("Hello from Hank, totally normal email.")).toBeVisible();
  await expect(frame.locator("script")).toHaveCount(0);
  await expect(frame.locator("[onerror], [onload]")).toHaveCount(0);
  await expect(frame.getByText("click me")).not.toHaveAttribute("href", /javascript:/);
  // The quoted reply is folded, the tracking pixel is held back.
  await expect(frame.getByText("the quoted part")).toBeHidden();
  await expect(email.getByRole("button", { name: /Remote images blocked/ })).toBeVisible();
  await frame.getByText("click me").click();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(outbound).toEqual([]);
});

test("the fixture email shows subject, from and to, and renders its HTML body", async ({ page }) => {
  await openConversation(page, "Emma Email");
  const emails = page.getByTestId("email-message");
  await expect(emails).toHaveCount(2);
  await expect(emails.first()).toContainText("Order Confirmed");
  // Two emails with the same timestamp: find the outbound one by its address, not its position.
  await expect(emails.filter({ hasText: "example@email.com" })).toContainText("Internal Notify <sample@email.service>");
  await expect(
    page.frameLocator("[data-testid='email-frame']").first().getByText("Testing Email Notification"),
  ).toBeVisible();
});

test("calls show direction, outcome and duration; placeholder recordings say unavailable", async ({ page }) => {
  await openConversation(page, "Carla Call");
  const calls = page.getByTestId("call-message");
  await expect(calls).toHaveCount(2);
  await expect(calls.filter({ hasText: "Outbound call" })).toContainText("Answered");
  await expect(calls.filter({ hasText: "Outbound call" })).toContainText("2:00");
  await expect(calls.filter({ hasText: "Inbound call" })).toContainText("Answered");
  await expect(page.getByTestId("recording-unavailable").first()).toHaveText("Recording unavailable");
  await expect(page.getByTestId("audio-player")).toHaveCount(0);
});

test("a failed message stands out with words, not only colour", async ({ page }) => {
  await openConversation(page, "Fred Failed");
  await expect(page.getByTestId("failed-status")).toHaveText("Failed");
});

test("links in chat text are clickable", async ({ page }) => {
  await openConversation(page, "Fiona Facebook");
  await expect(page.getByTestId("message").getByRole("link", { name: "https://example.com/hours" })).toHaveAttribute(
    "href",
    "https://example.com/hours",
  );
});
