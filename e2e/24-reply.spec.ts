import { expect, type Page, test } from "@playwright/test";
import { seriousViolations } from "./axe";
import { queueSendAnswers } from "./highlevel-api";
import { openConversation, postWebhook, saveScreenshot } from "./inbox-page";
import { TriageLocation, viewCount } from "./triage-page";

// Issue #27 in the page: a person replies from the thread by SMS and by email (with Cc, bold and
// their signature from Settings) (HighLevel's API is the suite's stand-in,
// e2e/highlevel-api-server.ts), sees "Sent", a refusal lands as Not delivered with HighLevel's
// words and Retry, the draft survives a reload, and Voxity says why it cannot send.

/** `alsoThere`: more of the location's conversations, made before the inbox opens. */
async function replyableLocation(
  page: Page,
  baseURL: string,
  name: string,
  alsoThere?: (location: TriageLocation) => Promise<unknown>,
) {
  const location = new TriageLocation(baseURL, `reply-${name}`);
  await postWebhook(baseURL, "highlevel", {
    type: "ContactCreate",
    locationId: location.locationId,
    id: location.contactId("Rosa"),
    firstName: "Rosa",
    lastName: "Reply",
    phone: "+14155550123",
    email: "rosa@example.com",
  });
  await location.sms("Rosa", "Can I come at 4 today?", 5);
  await alsoThere?.(location);
  const account = await location.accountId(page, "Rosa Reply");
  const stored = await page.request.put(`/api/accounts/${account}/highlevel-token`, {
    data: { token: "pit-e2e-reply-0123456789" },
    headers: { origin: baseURL },
  });
  expect(stored.status()).toBe(200);
  await page.goto(`/?account=${account}`);
  await openConversation(page, "Rosa Reply");
  return account;
}

const outbound = (page: Page) => page.locator("[data-testid='message'][data-direction='outbound']");

test("reply by SMS from the keyboard: in the thread at once, then Sent; Needs reply lets go", async ({
  page,
  baseURL,
}) => {
  await replyableLocation(page, baseURL!, "sms");
  const reply = page.getByRole("textbox", { name: "Reply" });
  await expect(page.getByLabel("Channel")).toHaveValue("sms");
  await page.getByTestId("thread-scroll").click();
  await page.keyboard.press("r");
  await expect(reply).toBeFocused();
  await page.keyboard.type("Yes, 4 pm works. See you then!");
  await expect(page.getByTestId("sms-size")).toHaveText("30 characters · 1 segment (GSM-7)");
  await page.keyboard.press("Control+Enter");
  await expect(reply).toHaveValue("");
  await expect(outbound(page)).toHaveCount(1);
  await expect(outbound(page)).toContainText("Yes, 4 pm works. See you then!");
  await expect(outbound(page).getByTestId("reply-state")).toHaveAttribute("data-state", "sent");
  // Answered: the conversation has left Needs reply.
  await expect(page.getByTestId("view-needs-reply").getByTestId("view-count")).toHaveText("0");
  expect(await seriousViolations(page)).toEqual([]);
  await saveScreenshot(page, "reply-sent-1440");
});

test("a second reply right after the first goes at once, while the first is on its way and the lists catch up", async ({
  page,
  baseURL,
}) => {
  await replyableLocation(page, baseURL!, "twice");
  // As at a million messages on a busy server: the lists and counts answer in 8 s, and the first
  // send in 8 s. Neither may hold the second back. The delays are long and the checks below wait
  // 4 s, so a slow machine cannot make the first send end before the checks are made.
  await page.route(
    (url) => url.pathname === "/api/conversations" || url.pathname === "/api/conversations/counts",
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 8_000));
      await route.continue().catch(() => undefined); // the page may have moved on meanwhile
    },
  );
  let sends = 0;
  await page.route(/\/api\/conversations\/[^/]+\/replies$/, async (route) => {
    if (route.request().method() === "POST" && sends++ === 0)
      await new Promise((resolve) => setTimeout(resolve, 8_000));
    await route.continue();
  });
  const reply = page.getByRole("textbox", { name: "Reply" });
  await reply.fill("Yes, 4 pm works.");
  await reply.press("Control+Enter");
  await expect(outbound(page)).toHaveCount(1);
  await reply.fill("Bring the blue folder, please.");
  await reply.press("Control+Enter");
  // While the first send is held: the second went as the first did, not ignored with its text left in the box.
  await expect(reply).toHaveValue("", { timeout: 4_000 });
  await expect(outbound(page)).toHaveCount(2, { timeout: 4_000 });
  await expect(outbound(page).nth(1)).toContainText("Bring the blue folder, please.");
  // Two messages, each sent once: the stand-in's HighLevel has both, the thread says Sent twice.
  await expect(outbound(page).getByTestId("reply-state").first()).toHaveAttribute("data-state", "sent");
  await expect(outbound(page).getByTestId("reply-state").nth(1)).toHaveAttribute("data-state", "sent");
  await expect(outbound(page)).toHaveCount(2);
  expect(sends).toBe(2);
});

test("HighLevel refuses: Not delivered with its reason; Retry sends it; the draft survives a reload", async ({
  page,
  baseURL,
}) => {
  await replyableLocation(page, baseURL!, "refused");
  await queueSendAnswers([{ status: 422, body: { statusCode: 422, message: "The contact has opted out of SMS" } }]);
  const reply = page.getByRole("textbox", { name: "Reply" });
  await reply.fill("Reminder: your appointment is at 4.");
  await page.getByRole("button", { name: "Send" }).click();
  const bubble = outbound(page);
  await expect(bubble.getByTestId("reply-state")).toHaveAttribute("data-state", "not_delivered");
  await expect(bubble).toContainText("Not delivered");
  await expect(bubble).toContainText("The contact has opted out of SMS");
  // Nothing failed stays silent: the conversation is in Not delivered, counted.
  await expect(viewCount(page, "not-delivered")).toHaveText("1");
  // Send on another channel: the composer opens on email with the text; the click sends nothing.
  await bubble.getByRole("button", { name: "Send on another channel" }).click();
  await expect(page.getByLabel("Channel")).toHaveValue("email");
  await expect(reply).toHaveValue("Reminder: your appointment is at 4.");
  await expect(reply).toBeFocused();
  await reply.fill("");
  await page.getByLabel("Channel").selectOption("sms");
  await bubble.getByRole("button", { name: "Retry" }).click();
  await expect(bubble.getByTestId("reply-state")).toHaveAttribute("data-state", "sent");
  await expect(outbound(page)).toHaveCount(1);
  await expect(viewCount(page, "not-delivered")).toHaveText("0");

  await reply.fill("A draft I have not sent");
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Reply" })).toHaveValue("A draft I have not sent");
});

test("reply by email: Cc, bold and the person's signature go with it; the thread shows the formatted email", async ({
  page,
  baseURL,
}) => {
  await page.goto("/settings");
  await page.getByRole("textbox", { name: "Email signature" }).fill("Dr. Lee\nSunset Dental");
  await page.getByRole("button", { name: "Save signature" }).click();
  await expect(page.getByRole("form", { name: "Your email signature" }).getByText("Saved")).toBeVisible();

  await replyableLocation(page, baseURL!, "email");
  await page.getByLabel("Channel").selectOption("email");
  await page.getByRole("textbox", { name: "Subject" }).fill("Your visit");
  await page.getByRole("button", { name: "Cc/Bcc" }).click();
  await page.getByRole("textbox", { name: "Cc", exact: true }).fill("front@sunset.example");
  await expect(page.getByRole("button", { name: "Bulleted list" })).toBeVisible();
  const reply = page.getByRole("textbox", { name: "Reply" });
  await reply.fill("Dear Rosa,\nsee you at 4 pm.");
  // Select "4 pm" and press Ctrl+B: Markdown's bold around it.
  await reply.evaluate((box: HTMLTextAreaElement) => box.setSelectionRange(22, 26));
  await reply.press("Control+b");
  await expect(reply).toHaveValue("Dear Rosa,\nsee you at **4 pm**.");
  await expect(page.getByTestId("signature-note")).toContainText("Signature added: Dr. Lee");
  // Before the sent email's frame is in the thread (axe waits on a frame that runs no scripts).
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Send" }).click();
  const bubble = outbound(page);
  await expect(bubble).toHaveAttribute("data-channel", "email");
  await expect(bubble.getByTestId("reply-state")).toHaveAttribute("data-state", "sent");
  await expect(bubble).toContainText("Your visit");
  await expect(bubble).toContainText("front@sunset.example");
  const email = bubble.frameLocator("[data-testid='email-frame']");
  await expect(email.locator("strong")).toHaveText("4 pm");
  await expect(email.getByText("Sunset Dental")).toBeVisible();
});

test("send later: Schedule → Tomorrow 8:00 shows when it goes; Cancel puts the text back", async ({
  page,
  baseURL,
}) => {
  await replyableLocation(page, baseURL!, "later");
  const reply = page.getByRole("textbox", { name: "Reply" });
  await reply.fill("Your appointment is confirmed.");
  await page.getByRole("button", { name: "Schedule" }).click();
  await page.getByRole("menuitem", { name: /^Tomorrow 8:00/ }).click();
  const state = outbound(page).getByTestId("reply-state");
  await expect(state).toHaveAttribute("data-state", "scheduled");
  await expect(state).toContainText("Scheduled for");
  await expect(reply).toHaveValue("");
  await state.getByRole("button", { name: "Cancel" }).click();
  await expect(reply).toHaveValue("Your appointment is confirmed.");
  await expect(outbound(page).getByTestId("reply-state")).toHaveAttribute("data-state", "cancelled");
});

/** Chooses a file through the composer's "Attach files" button, as a person would. */
async function pickFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach files" }).click();
  await (await chooser).setFiles(file);
}

test("attach: a type SMS can't take is refused, the draft stays; a PDF goes", async ({ page, baseURL }) => {
  await replyableLocation(page, baseURL!, "attach");
  await page.getByRole("textbox", { name: "Reply" }).fill("Here is our price list");
  await pickFile(page, { name: "setup.exe", mimeType: "application/x-msdownload", buffer: Buffer.from("MZ") });
  await expect(page.getByRole("alert").filter({ hasText: "setup.exe" })).toHaveText(
    "This file type can't be sent by SMS (setup.exe)",
  );
  await expect(page.getByRole("textbox", { name: "Reply" })).toHaveValue("Here is our price list");

  await pickFile(page, { name: "price-list.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 prices") });
  const chip = page.getByTestId("attachment-chip");
  await expect(chip).toHaveAttribute("data-state", "uploaded");
  await expect(chip).toContainText("price-list.pdf");
  await expect(chip.getByRole("button", { name: "Remove price-list.pdf" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await saveScreenshot(page, "reply-attachment-1440");
  await page.getByRole("button", { name: "Send" }).click();
  const bubble = outbound(page);
  await expect(bubble.getByTestId("reply-state")).toHaveAttribute("data-state", "sent");
  await expect(bubble.getByRole("link", { name: "price-list.pdf" })).toBeVisible();
  await expect(chip).toHaveCount(0);
});

test("a Voxity conversation says why there is no composer, with a number to call", async ({ page }) => {
  // The fixtures' Voxity conversation, opened by its link (other specs' rows may push it off the first page).
  const { accounts } = (await (await page.request.get("/api/accounts")).json()) as {
    accounts: Array<{ id: string; provider: string }>;
  };
  const voxity = accounts.find((account) => account.provider === "voxity");
  const list = (await (await page.request.get(`/api/conversations?account=${voxity?.id}`)).json()) as {
    conversations: Array<{ id: string }>;
  };
  await page.goto(`/?c=${list.conversations[0]?.id}`);
  await expect(page.getByTestId("thread-title")).toHaveText("S*** G***");
  const blocked = page.getByTestId("reply-blocked");
  await expect(blocked).toContainText("Voxity doesn't let other apps send; reply in Voxity or call");
  await expect(page.getByRole("textbox", { name: "Reply" })).toHaveCount(0);
});

test("on a phone the composer fits under the thread and sends", async ({ browser, baseURL }) => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await replyableLocation(page, baseURL!, "phone");
  const reply = page.getByRole("textbox", { name: "Reply" });
  await expect(reply).toBeInViewport();
  await expect(page.getByRole("button", { name: "Send" })).toBeInViewport();
  await expect(page.getByRole("button", { name: "Attach files" })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await reply.fill("On my way");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(outbound(page).getByTestId("reply-state")).toHaveAttribute("data-state", "sent");
  await saveScreenshot(page, "reply-390");
  await page.close();
});

test("r pressed right after j writes in the conversation j opened, never in the one it left", async ({
  page,
  baseURL,
}) => {
  // Sam's message is older than Rosa's: his row is the one under hers.
  await replyableLocation(page, baseURL!, "jr", async (location) => {
    await postWebhook(baseURL!, "highlevel", {
      type: "ContactCreate",
      locationId: location.locationId,
      id: location.contactId("Sam"),
      firstName: "Sam",
      lastName: "Next",
      phone: "+14155550124",
    });
    await location.sms("Sam", "Is Friday free?", 30);
  });
  const reply = page.getByRole("textbox", { name: "Reply" });
  const title = page.getByTestId("thread-title");
  await expect(reply).toBeVisible();
  await page.getByTestId("thread-scroll").click();
  // No wait between the keys: the composer of the thread j opens may not be there yet.
  await page.keyboard.press("j");
  await page.keyboard.press("r");
  await expect(title).toHaveText("Sam Next");
  await expect(reply).toBeFocused();
  await page.keyboard.type("Friday works");
  await page.keyboard.press("Escape");
  await page.keyboard.press("k");
  await expect(title).toHaveText("Rosa Reply");
  await expect(reply).toHaveValue("");
  await page.keyboard.press("j");
  await expect(title).toHaveText("Sam Next");
  await expect(reply).toHaveValue("Friday works");
});
