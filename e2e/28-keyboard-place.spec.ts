import { expect, test, type APIRequestContext } from "@playwright/test";
import { signatureHeaders } from "../lib/providers/sign";
import { testSigningKeys } from "../lib/testing/signing";
import { locationMessage } from "./data";
import { saveScreenshot } from "./inbox-page";
import { row, TriageLocation } from "./triage-page";

// Issue #26: the keyboard never loses its place (item 4), and the small parts of item 10 (an event
// links to its conversation, Settings' name field shows no look-alike value, HTML email on white
// paper in the dark theme).

test("the keyboard keeps its place: Esc and u, j/k in a thread, g sequences, search results", async ({
  page,
  baseURL,
}) => {
  const place = new TriageLocation(baseURL!, "keys");
  const people = ["Ann", "Ben", "Cid", "Dee"];
  for (const first of people) await place.customer(first, "Keys");
  // Newest first: Ann, Ben, Cid, Dee.
  for (const [index, first] of people.entries())
    await place.sms(first, first === "Cid" ? "Did I leave my blue umbrella there?" : "Hello", 10 + index * 10);
  const account = await place.accountId(page, "Dee Keys");
  await page.goto(`/?account=${account}`);
  await expect(page.getByTestId("conversation-name")).toHaveText(people.map((first) => `${first} Keys`));
  const title = page.getByTestId("thread-title");

  // The third row, opened from the keyboard; Esc closes it and the focus is back on that row.
  for (let presses = 0; presses < 3; presses++) await page.keyboard.press("j");
  await expect(row(page, "Cid Keys")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(title).toHaveText("Cid Keys");
  await page.keyboard.press("Escape");
  await expect(page).not.toHaveURL(/c=/);
  await expect(row(page, "Cid Keys")).toBeFocused();

  // With a thread open, j and k open the next and the previous conversation.
  await page.keyboard.press("Enter");
  await expect(title).toHaveText("Cid Keys");
  await page.keyboard.press("j");
  await expect(title).toHaveText("Dee Keys");
  await page.keyboard.press("k");
  await expect(title).toHaveText("Cid Keys");
  await expect(row(page, "Cid Keys")).toBeFocused();

  // g u: Unread, where the read Cid is no longer listed while it stays open. u makes it unread:
  // the thread closes, the row comes back, and the focus is on it.
  await page.keyboard.press("g");
  await page.keyboard.press("u");
  await expect(page).toHaveURL(/view=unread/);
  await expect(page.getByTestId("conversation-name")).toHaveText(["Ann Keys", "Ben Keys"]);
  await page.keyboard.press("u");
  await expect(page).not.toHaveURL(/c=/);
  await expect(page.getByTestId("conversation-name")).toHaveText(["Ann Keys", "Ben Keys", "Cid Keys"]);
  await expect(row(page, "Cid Keys")).toBeFocused();

  // g then a key picks a view; typed into a text box, the same keys are only text.
  await page.keyboard.press("g");
  await page.keyboard.press("c");
  await expect(page).toHaveURL(/view=callbacks/);
  await expect(page.getByTestId("view-callbacks")).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("g");
  await page.keyboard.press("i");
  await expect(page).not.toHaveURL(/view=/);
  await page.keyboard.press("/");
  await page.keyboard.type("gu");
  await expect(page).toHaveURL(/q=gu/);
  await expect(page).not.toHaveURL(/view=/);

  // A search result is reached with the arrow keys and opened with Enter.
  await page.getByLabel(/Search messages/).fill("umbrella");
  await expect(page.getByTestId("conversation-name")).toHaveText(["Cid Keys"]);
  await page.keyboard.press("ArrowDown");
  await expect(row(page, "Cid Keys")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(title).toHaveText("Cid Keys");

  // g r: Reports, listed in the shortcut sheet with the other sequences.
  await page.keyboard.press("?");
  const sheet = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  for (const keys of ["g i", "g u", "g d", "g c", "g r"])
    await expect(sheet.locator("kbd", { hasText: keys })).toBeVisible();
  await expect(sheet.getByText("Go to Reports")).toBeVisible();
  await saveScreenshot(page, "keys-shortcut-sheet");
  await page.keyboard.press("Escape");
  await page.keyboard.press("g");
  await page.keyboard.press("r");
  await expect(page).toHaveURL(/\/reports/);
});

/** A signed HighLevel delivery, posted as HighLevel would; answers the stored event's id. */
async function deliver(request: APIRequestContext, payload: Record<string, unknown>): Promise<string> {
  const body = JSON.stringify(payload);
  const response = await request.post("/api/webhooks/highlevel", {
    headers: { "content-type": "application/json", ...signatureHeaders("highlevel", body, testSigningKeys()) },
    data: body,
  });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { eventId: string }).eventId;
}

test("an event opens its conversation; an email stays on white paper in the dark theme; Settings' name field hints", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  const place = new TriageLocation(baseURL!, "paper");
  await place.customer("Pia", "Paper");
  // An email that turns itself dark when asked: on our white paper it must not.
  const eventId = await deliver(
    page.request,
    locationMessage(place.locationId, `${place.contactId("Pia")}-mail`, place.contactId("Pia"), {
      messageType: "Email",
      subject: "Dark mode",
      from: "Pia <pia@example.com>",
      to: "front@clinic.example",
      body: "<p>Written for white paper.</p><style>@media (prefers-color-scheme: dark){body{background:#000;color:#fff}}</style>",
    }),
  );
  await place.accountId(page, "Pia Paper");

  await page.goto(`/events?event=${eventId}`);
  // The send audit beside it has links of the same name (the suite's replies): this event's own.
  await page.getByTestId("event-detail").getByRole("link", { name: "Open conversation" }).click();
  await expect(page.getByTestId("thread-title")).toHaveText("Pia Paper");
  const email = page.frameLocator("[data-testid='email-frame']").locator("body");
  await expect(email).toHaveText("Written for white paper.");
  // Paper white, the body see-through (its dark-screen rule gone), the text dark.
  const colours = await email.evaluate((body) =>
    [document.documentElement, body].map((element) => getComputedStyle(element).backgroundColor),
  );
  expect(colours).toEqual(["rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"]);
  await expect(email).toHaveCSS("color", "rgb(15, 23, 42)");
  await saveScreenshot(page, "keys-email-dark");

  // The field is empty until the owner names the account; what is shown meanwhile is a hint, not a value.
  await page.goto("/settings");
  const name = page.getByLabel(`Account HighLevel location ${place.locationId}`).getByLabel("Display name");
  await expect(name).toHaveValue("");
  await expect(name).not.toHaveAttribute("placeholder");
  await expect(name).toHaveAccessibleDescription(/Left empty/);
  await saveScreenshot(name.locator("xpath=ancestor::form"), "keys-display-name");
  await context.close();
});

test("a hovered row, and the rows beside an open thread, are loaded before they are opened", async ({
  page,
  baseURL,
}) => {
  const place = new TriageLocation(baseURL!, "ahead");
  const people = ["Eve", "Fay", "Gus"];
  const account = await place.customersWithSms(page, people, "Ahead");
  await page.goto(`/?account=${account}`);
  await expect(page.getByTestId("conversation-name")).toHaveText(people.map((first) => `${first} Ahead`));
  const idOf = async (name: string) => (await row(page, name).getAttribute("data-conversation-id"))!;
  // Its newest messages, alone or with the detail (opening a thread is one request).
  const threadLoaded = (id: string) =>
    page.waitForRequest(
      (request) =>
        request.url().includes(`/api/conversations/${id}/messages`) ||
        request.url().includes(`/api/conversations/${id}?messages=latest`),
    );

  // The pointer on a row loads its thread; nothing is opened.
  const fay = threadLoaded(await idOf("Fay Ahead"));
  await row(page, "Fay Ahead").hover();
  await fay;
  await expect(page).not.toHaveURL(/c=/);
  // Fay open: Gus (next, never hovered) is loaded for j before j is pressed.
  const gus = threadLoaded(await idOf("Gus Ahead"));
  await row(page, "Fay Ahead").click();
  await expect(page.getByTestId("thread-title")).toHaveText("Fay Ahead");
  await gus;
  // j opens Gus in place of Fay: one thread on screen, the one left is gone (not kept beside it).
  await page.keyboard.press("j");
  await expect(page.getByTestId("thread-title")).toHaveText("Gus Ahead");
  await expect(page.getByTestId("thread-scroll")).toHaveCount(1);
  await expect(page.getByTestId("message")).toHaveText([/Hello/]);
});
