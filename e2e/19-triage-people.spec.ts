import { expect, test } from "@playwright/test";
import { inviteColleague } from "./team-page";
import { row, TriageLocation, viewCount } from "./triage-page";

// Read state is per person (issue #13): two people signed in at once, one reads, the other still
// sees it unread; `u` makes it unread again for me only; my unread count is in the tab's title.

test("two people at once: one reads, the other still sees it unread; u marks it unread again", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000); // an invitation, a second sign-in and two browsers
  const location = new TriageLocation(baseURL!, "people");
  await location.customer("Rhea", "Reader");
  await location.sms("Rhea", "Is anyone there?", 5);
  const account = await location.accountId(page, "Rhea Reader");

  // A colleague of the administrator's in this account, invited and signed in in a browser of their own.
  const { colleague, context } = await inviteColleague(page, browser, location, "Cole League");

  await page.goto(`/?account=${account}`);
  await colleague.goto(`/?account=${account}`);
  for (const person of [page, colleague]) {
    await expect(viewCount(person, "unread")).toHaveText("1");
    await expect(row(person, "Rhea Reader")).toContainText("1 unread");
  }

  // The administrator reads it: read for them, still unread for the colleague (after a live refresh too).
  await row(page, "Rhea Reader").click();
  await expect(viewCount(page, "unread")).toHaveText("0");
  await colleague.reload();
  await expect(viewCount(colleague, "unread")).toHaveText("1");
  await expect(row(colleague, "Rhea Reader")).toContainText("1 unread");
  await colleague.getByTestId("view-unread").click();
  await expect(colleague.getByTestId("conversation-name")).toHaveText(["Rhea Reader"]);

  // `u`: unread again for the administrator (the thread closes, or opening it would read it again).
  await page.keyboard.press("u");
  await expect(page.getByTestId("thread-title")).toHaveCount(0);
  await expect(viewCount(page, "unread")).toHaveText("1");
  await expect(row(page, "Rhea Reader")).toContainText("1 unread");
  // `u` on the unread row (focused) reads it without opening it; `z` takes that back.
  await page.keyboard.press("u");
  await expect(viewCount(page, "unread")).toHaveText("0");
  await expect(page.getByRole("region", { name: /Notifications/ })).toContainText("Marked read");
  await page.keyboard.press("z");
  await expect(viewCount(page, "unread")).toHaveText("1");
  await context.close();
});

test("my unread count is in the tab's title, and follows new messages and reading", async ({ page, baseURL }) => {
  await page.goto("/");
  const title = async () => Number((await page.title()).match(/^\((\d+)\) Threadline$/)?.[1] ?? 0);
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  // The title follows the Unread count of every account once the counts have loaded: read it then.
  const unreadTab = page.getByTestId("view-unread").getByTestId("view-count");
  await expect(unreadTab).toHaveText(/^\d+$/);
  const before = Number(await unreadTab.textContent());
  await expect.poll(title).toBe(before);

  const location = new TriageLocation(baseURL!, "title");
  await location.customer("Tia", "Title");
  await location.sms("Tia", "New here", 1);
  await expect.poll(title).toBe(before + 1);
  await expect(page).toHaveTitle(`(${before + 1}) Threadline`);

  await page.getByRole("searchbox").fill("Tia Title");
  await row(page, "Tia Title").click();
  await expect.poll(title).toBe(before);
});
