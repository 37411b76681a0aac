import { expect, test } from "@playwright/test";
import { seriousViolations } from "./axe";
import { openConversation, saveScreenshot } from "./inbox-page";
import { inviteColleague } from "./team-page";
import { row, TriageLocation, viewCount } from "./triage-page";

// Issue #24 in the page: assign (the "Assign" menu, `a`, `i`), snooze (the "Snooze" menu, `s`),
// internal notes with @mentions (`n`) seen by a colleague in a browser of their own, and Undo
// (the toast's button and `z`) putting back exactly what was there.

/** Sonner's toasts live in a labelled region ("Notifications alt+T"). */
const toasts = (page: import("@playwright/test").Page) => page.getByRole("region", { name: /Notifications/ });

async function location(
  page: import("@playwright/test").Page,
  baseURL: string,
  name: string,
  customer: [string, string],
) {
  const place = new TriageLocation(baseURL, `team-${name}`);
  await place.customer(...customer);
  await place.sms(customer[0], "Could someone call me about the invoice?", 30);
  const account = await place.accountId(page, customer.join(" "));
  return { place, account };
}

test("assign with i and the Assign menu, Mine and Unassigned count it, the timeline says who; Undo and z put it back", async ({
  page,
  baseURL,
}) => {
  const { account } = await location(page, baseURL!, "assign", ["Ava", "Assign"]);
  await page.goto(`/?account=${account}`);
  await expect(viewCount(page, "unassigned")).toHaveText("1");
  await expect(viewCount(page, "mine")).toHaveText("0");
  await openConversation(page, "Ava Assign");

  await page.getByTestId("thread-scroll").click();
  await page.keyboard.press("i");
  await expect(toasts(page).getByText("Assigned to you")).toBeVisible();
  await expect(viewCount(page, "mine")).toHaveText("1");
  await expect(viewCount(page, "unassigned")).toHaveText("0");
  await expect(row(page, "Ava Assign").getByTestId("assignee-badge")).toBeVisible();
  await expect(page.getByTestId("activity-line").last()).toContainText(/assigned this to/);

  // z: the last action undone while its toast is up.
  await page.keyboard.press("z");
  await expect(toasts(page).getByText("Undone")).toBeVisible();
  await expect(viewCount(page, "mine")).toHaveText("0");
  await expect(viewCount(page, "unassigned")).toHaveText("1");
  await expect(row(page, "Ava Assign").getByTestId("assignee-badge")).toHaveCount(0);

  // The Assign menu from the keyboard: a opens it, arrows move, Enter picks; then the toast's Undo.
  await page.keyboard.press("a");
  const menu = page.getByRole("menu", { name: "Assign" });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("menuitemradio", { name: "Unassign", exact: true })).toBeFocused();
  await page.keyboard.press("Home");
  await page.keyboard.press("Enter");
  await expect(menu).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Assign" })).toBeFocused();
  await expect(viewCount(page, "mine")).toHaveText("1");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(viewCount(page, "mine")).toHaveText("0");
  // Nothing left to undo: z says so rather than doing nothing.
  await page.getByTestId("thread-scroll").click();
  await page.keyboard.press("z");
  await expect(toasts(page).getByText("Nothing to undo")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("snooze until tomorrow from s: out of the open views, in Snoozed with its wake time; Undo brings it back", async ({
  page,
  baseURL,
}) => {
  const { account } = await location(page, baseURL!, "snooze", ["Sam", "Snooze"]);
  await page.goto(`/?account=${account}`);
  await openConversation(page, "Sam Snooze");
  await page.getByTestId("thread-scroll").click();
  await page.keyboard.press("s");
  const menu = page.getByRole("menu", { name: "Snooze" });
  await menu.getByRole("menuitem", { name: /Tomorrow/ }).click();
  await expect(toasts(page).getByText(/Snoozed until/)).toBeVisible();
  await expect(viewCount(page, "snoozed")).toHaveText("1");
  await expect(viewCount(page, "all")).toHaveText("0");
  await expect(viewCount(page, "needs-reply")).toHaveText("0");
  await expect(page.getByTestId("thread-snoozed")).toContainText(/9:00 AM/);
  await page.getByTestId("view-snoozed").click();
  await expect(row(page, "Sam Snooze").getByTestId("snoozed-until")).toContainText("9:00 AM");
  await saveScreenshot(page, "team-snoozed-1440");

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(viewCount(page, "snoozed")).toHaveText("0");
  await expect(viewCount(page, "needs-reply")).toHaveText("1");

  // A time in the past is refused in the menu, before anything is sent.
  await page.getByRole("button", { name: "Snooze" }).click();
  await page.getByLabel("Until a date and time").fill("2020-01-01T09:00");
  await page.getByRole("button", { name: "Set", exact: true }).click();
  await expect(page.getByRole("menu", { name: "Snooze" }).locator("..").getByRole("alert")).toHaveText(
    "Pick a time in the future.",
  );
});

test("a note with an @mention: a colleague sees it in Mentions, live, as an Internal note the customer never gets", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000); // an invitation, a second sign-in and two browsers
  const { place, account } = await location(page, baseURL!, "notes", ["Nia", "Note"]);
  const { colleague, context } = await inviteColleague(page, browser, place, "Mona Mention");
  await colleague.goto(`/?account=${account}`);
  await expect(viewCount(colleague, "mentions")).toHaveText("0");

  await page.goto(`/?account=${account}`);
  await openConversation(page, "Nia Note");
  await page.getByTestId("thread-scroll").click();
  await page.keyboard.press("n");
  const note = page.getByRole("textbox", { name: "Note" });
  await expect(note).toBeFocused();
  await page.keyboard.type("Please call her back @Mon");
  await expect(page.getByRole("option", { name: /Mona Mention/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(note).toHaveValue("Please call her back @Mona Mention ");
  await page.keyboard.type("today");
  await page.keyboard.press("Control+Enter");
  await expect(note).toHaveValue("");
  const bubble = page.getByTestId("internal-note");
  await expect(bubble).toContainText("Internal note");
  await expect(bubble).toContainText("Please call her back @Mona Mention today");
  // Nothing went to the customer: no outbound message in the thread.
  await expect(page.locator("[data-testid='message'][data-direction='outbound']")).toHaveCount(0);

  // The colleague's Mentions count goes up live; opening the conversation sees it.
  await expect(viewCount(colleague, "mentions")).toHaveText("1");
  await colleague.getByTestId("view-mentions").click();
  await row(colleague, "Nia Note").click();
  await expect(colleague.getByTestId("internal-note")).toContainText("Please call her back");
  await expect(viewCount(colleague, "mentions")).toHaveText("0");
  expect(await seriousViolations(colleague)).toEqual([]);
  await context.close();
});

test("at 390 px the thread's actions fit as icons and the Note tab works", async ({ page, baseURL }) => {
  const { account } = await location(page, baseURL!, "phone", ["Pia", "Phone"]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/?account=${account}`);
  await openConversation(page, "Pia Phone");
  for (const name of ["Assign", "Snooze", "Done"]) await expect(page.getByRole("button", { name })).toBeVisible();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(390);
  await page.getByRole("tab", { name: "Note" }).click();
  await expect(page.getByRole("textbox", { name: "Note" })).toBeFocused();
  await saveScreenshot(page, "team-note-390");
  expect(await seriousViolations(page)).toEqual([]);
});

test("two people on one conversation: each sees the other viewing, then replying; the customer writing again turns Send into New activity — review, their own reply does not", async ({
  page,
  browser,
  baseURL,
}) => {
  const { place, account } = await location(page, baseURL!, "collide", ["Cleo", "Collide"]);
  const token = await page.request.put(`/api/accounts/${account}/highlevel-token`, {
    data: { token: "pit-e2e-collide-0123456789" },
    headers: { origin: baseURL! },
  });
  expect(token.status()).toBe(200);
  const { colleague, context } = await inviteColleague(page, browser, place, "Cole Lision");
  for (const person of [page, colleague]) {
    await person.goto(`/?account=${account}`);
    await openConversation(person, "Cleo Collide");
  }
  await expect(page.getByTestId("presence")).toHaveText("Cole Lision is viewing");
  await expect(colleague.getByTestId("presence")).toContainText(/ is viewing$/);

  await page.getByRole("textbox", { name: "Reply" }).pressSequentially("I can call you at 3");
  await expect(colleague.getByTestId("presence")).toContainText(/ is replying…/);

  // While the administrator writes, the customer writes again: the new message shows above, and
  // the first press on the button only acknowledges it.
  await place.sms("Cleo", "Actually, make it tomorrow", 0);
  await expect(page.getByTestId("message").last()).toContainText("Actually, make it tomorrow");
  const review = page.getByRole("button", { name: "New activity — review" });
  await expect(review).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await saveScreenshot(page, "team-collision-1440");
  await review.click();
  await expect(page.getByRole("button", { name: "Send" })).toBeEnabled();
  const reply = page.getByRole("textbox", { name: "Reply" });
  await expect(reply).toHaveValue("I can call you at 3");

  // Their own reply is not new activity: a second one typed at once goes with one press, also
  // after the conversation has been read again with that reply as its newest message.
  const id = new URL(page.url()).searchParams.get("c");
  const readAgain = page.waitForResponse(
    (answer) => new URL(answer.url()).pathname === `/api/conversations/${id}` && answer.request().method() === "GET",
  );
  await page.getByRole("button", { name: "Send" }).click();
  await expect(reply).toHaveValue("");
  await reply.fill("Or tomorrow at 4");
  await readAgain;
  await reply.press("Control+Enter");
  await expect(page.locator("[data-testid='message'][data-direction='outbound']")).toHaveCount(2);
  await expect(reply).toHaveValue("");

  // The colleague leaves the page: gone from the administrator's at once (not after the 15 s TTL).
  await colleague.goto("/settings");
  await expect(page.getByTestId("presence")).toHaveText("");
  await context.close();
});

test("labels: an owner adds Billing in Settings; l and type-ahead put it on; a chip on the row and thread, the filter finds it; Undo takes it off", async ({
  page,
  baseURL,
}) => {
  const { place, account } = await location(page, baseURL!, "label", ["Lea", "Label"]);
  await page.goto("/settings");
  const settings = page.getByRole("region", { name: `Account HighLevel location ${place.locationId}` });
  await settings.getByLabel("Label name").fill("Billing");
  await settings.getByLabel("Colour").selectOption("rose");
  await settings.getByRole("button", { name: "Add label" }).click();
  await expect(settings.getByRole("list", { name: /Labels of/ }).getByTestId("label-chip")).toHaveText("Billing");
  await settings.getByLabel("Label name").fill("VIP");
  await settings.getByRole("button", { name: "Add label" }).click();
  await expect(settings.getByRole("list", { name: /Labels of/ }).getByTestId("label-chip")).toHaveText([
    "Billing",
    "VIP",
  ]);

  await page.goto(`/?account=${account}`);
  await openConversation(page, "Lea Label");
  await page.getByTestId("thread-scroll").click();
  await page.keyboard.press("l");
  const menu = page.getByRole("menu", { name: "Label" });
  await expect(menu).toBeVisible();
  await page.keyboard.type("vi");
  await expect(menu.getByRole("menuitemcheckbox", { name: "VIP" })).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(menu.getByRole("menuitemcheckbox", { name: "Billing" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(toasts(page).getByText("Label Billing added")).toBeVisible();
  await expect(page.getByTestId("thread-labels").getByTestId("label-chip")).toHaveText("Billing");
  await expect(row(page, "Lea Label").getByTestId("label-chip")).toHaveText("Billing");
  await expect(page.getByTestId("activity-line").last()).toContainText("Label Billing added by");

  // The filter is in the URL like the others.
  await page.getByTestId("label-filter").selectOption({ label: "Billing" });
  await expect(page).toHaveURL(/label=/);
  await expect(page.getByTestId("conversation-name")).toHaveText(["Lea Label"]);
  await page.setViewportSize({ width: 1024, height: 768 });
  expect(await seriousViolations(page)).toEqual([]);
  await saveScreenshot(page, "team-labels-1024");

  await page.getByTestId("thread-scroll").click();
  await page.keyboard.press("z");
  await expect(page.getByTestId("thread-labels")).toHaveCount(0);
  // The open conversation stays in the filtered list while it is read (the list keeps it), unlabelled.
  await expect(row(page, "Lea Label").getByTestId("label-chip")).toHaveCount(0);
});

test("saved views: save the filters under a name, shared with the team; the count is live; g v and Enter open it", async ({
  page,
  baseURL,
}) => {
  const { place, account } = await location(page, baseURL!, "saved", ["Sia", "Saved"]);
  await page.goto(`/?account=${account}&view=unassigned&channel=sms`);
  await page.getByRole("button", { name: "Save view" }).click();
  const form = page.getByRole("form", { name: "Save this view" });
  await form.getByLabel("View name").fill("Open SMS");
  await form.getByLabel("Share with the team").check();
  await form.getByRole("button", { name: "Save" }).click();
  const saved = page.getByRole("navigation", { name: "Saved views" }).getByRole("link", { name: /Open SMS/ });
  await expect(saved).toContainText("1");
  await expect(saved).toHaveAttribute("aria-current", "page");

  // A new conversation in it counts at once (live), from anywhere in the inbox.
  await page.getByTestId("view-all").click();
  await place.customer("Sol", "Saved");
  await place.sms("Sol", "Me too", 1);
  await expect(saved).toContainText("2");

  await page.getByTestId("conversation-row").first().focus();
  await page.keyboard.press("g");
  await page.keyboard.press("v");
  await expect(saved).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/view=unassigned/);
  await expect(page).toHaveURL(/channel=sms/);
  await expect(saved).toHaveAttribute("aria-current", "page");
  expect(await seriousViolations(page)).toEqual([]);
  await saveScreenshot(page, "team-saved-views-1440");
});
