import { expect, type Page, test } from "@playwright/test";
import { seriousViolations } from "./axe";
import { saveScreenshot, VIEWPORTS } from "./inbox-page";
import { row, TriageLocation, viewCount } from "./triage-page";

// Issue #26 items 1-3 in the page (docs/triage-rules.md): Lena Brooks's urgent Voice AI call that
// promised a callback within the hour leads Callbacks, overdue and marked "Urgent"; a customer's
// "Thanks, see you then 👍" after our reply is not in Needs reply but "Closed by customer?", done
// with one key; the default view is the open work, Done one click away.

async function urgentLocation(page: Page, baseURL: string, name: string) {
  const place = new TriageLocation(baseURL, name);
  for (const [first, last] of [
    ["Lena", "Brooks"],
    ["Mia", "Missed"],
    ["Hannah", "Cole"],
    ["Dora", "Done"],
  ])
    await place.customer(first!, last!);
  await place.voiceAiCall("Lena", 70, {
    summary: "Caller's crown came loose.",
    transcript: "bot: I'll flag this as urgent; the front desk will call you back within the hour.",
    extractedData: { reason: "Loose crown", urgency: "High" },
  });
  await place.sms("Lena", "can someone see me today?", 40);
  await place.missedCall("Mia", 30);
  await place.sms("Hannah", "Can I come in Thursday at 3?", 120);
  await place.sms("Hannah", "Thursday at 3 is booked for you.", 110, "outbound");
  await place.sms("Hannah", "Thanks, see you then 👍", 100);
  await place.sms("Dora", "All sorted, thank you for fixing the bill.", 50);
  const account = await place.accountId(page, "Dora Done");
  const dora = await page.request.get(`/api/conversations?account=${account}&q=Dora`);
  const [done] = ((await dora.json()) as { conversations: Array<{ id: string }> }).conversations;
  const marked = await page.request.post(`/api/conversations/${done!.id}/done`, { headers: { origin: baseURL } });
  expect(marked.status()).toBe(200);
  return account;
}

test("Callbacks lead with Lena's overdue urgent callback; a closing thanks needs no reply; All is the open work", async ({
  page,
  baseURL,
}) => {
  const account = await urgentLocation(page, baseURL!, "urgent");
  await page.goto(`/?account=${account}`);

  // All: the open work only (Dora is done), counted the same way; Done is one click away.
  await expect(page.getByTestId("conversation-name")).toHaveText(["Mia Missed", "Lena Brooks", "Hannah Cole"]);
  await expect(viewCount(page, "all")).toHaveText("3");
  // Needs reply: Lena's text, not Hannah's thanks.
  await expect(viewCount(page, "needs-reply")).toHaveText("1");
  await expect(viewCount(page, "callbacks")).toHaveText("2");
  await expect(row(page, "Lena Brooks").getByTestId("urgent-mark")).toHaveText("Urgent");
  await expect(row(page, "Hannah Cole").getByTestId("closed-by-customer")).toHaveText("Closed by customer?");

  // Callbacks: overdue first, in the danger colour, with "Urgent"; the fresh missed call is not overdue yet.
  await page.getByTestId("view-callbacks").click();
  await expect(page.getByTestId("conversation-name")).toHaveText(["Lena Brooks", "Mia Missed"]);
  const lena = row(page, "Lena Brooks");
  await expect(lena.getByTestId("urgent-mark")).toHaveText("Urgent");
  await expect(lena.getByTestId("callback-due")).toHaveText(/^\s*overdue \d+ min$/);
  await expect(lena.getByTestId("callback-due")).toHaveClass(/text-danger/);
  await expect(row(page, "Mia Missed").getByTestId("callback-since")).toHaveClass(/text-warning/);
  expect(await seriousViolations(page)).toEqual([]);

  // Back in All, `e` on Hannah's row confirms it done: it leaves the open work.
  await page.getByTestId("view-all").click();
  await expect(page.getByTestId("conversation-row")).toHaveCount(3);
  await row(page, "Hannah Cole").focus();
  await page.keyboard.press("e");
  await expect(page.getByTestId("conversation-name")).toHaveText(["Mia Missed", "Lena Brooks"]);
  await expect(viewCount(page, "all")).toHaveText("2");
  await page.getByRole("group", { name: "Open or done" }).getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("conversation-name")).toHaveText(["Dora Done", "Hannah Cole"]);

  // Counts follow the channel filter: only SMS conversations counted.
  await page.goto(`/?account=${account}&channel=sms`);
  await expect(viewCount(page, "all")).toHaveText("1");
  await expect(viewCount(page, "callbacks")).toHaveText("1");
});

test("Callbacks at 390, 1024 and 1440 px (test-results/screenshots)", { tag: "@screenshots" }, async ({
  page,
  baseURL,
}) => {
  const account = await urgentLocation(page, baseURL!, "urgent-shots");
  for (const [width, height] of VIEWPORTS) {
    await page.setViewportSize({ width, height });
    await page.goto(`/?account=${account}&view=callbacks`);
    await expect(row(page, "Lena Brooks").getByTestId("urgent-mark")).toBeVisible();
    await saveScreenshot(page, `urgent-callbacks-${width}`);
  }
  await page.goto(`/?account=${account}`);
  await expect(row(page, "Hannah Cole").getByTestId("closed-by-customer")).toBeVisible();
  await saveScreenshot(page, "urgent-all-1440");
  await page.goto("/settings");
  await expect(page.getByRole("textbox", { name: "Closing phrases" }).first()).toBeVisible();
  await saveScreenshot(page, "urgent-settings-1440", { fullPage: true });
});
