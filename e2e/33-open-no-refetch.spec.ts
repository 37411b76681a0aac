import { expect, test } from "@playwright/test";
import { row, TriageLocation, viewCount } from "./triage-page";

// Issue #28 item 6: opening a conversation marks it read in the lists and counts already on the
// page, without asking the server for the list again (at a million messages that refetch, and the
// list's re-render under the next j, were the slow opens' tail).

test("opening a conversation and j to the next mark them read without fetching the list again", async ({
  page,
  baseURL,
}) => {
  const place = new TriageLocation(baseURL!, "open");
  const people = ["Ora", "Pia", "Quin"];
  // Newest first: Ora, Pia, Quin.
  const account = await place.customersWithSms(page, people, "Opener", (first) => `Hello from ${first}`);

  await page.goto(`/?account=${account}`);
  await expect(page.getByTestId("conversation-name")).toHaveText(people.map((first) => `${first} Opener`));
  await expect(viewCount(page, "unread")).toHaveText("3");
  await expect(page.getByTestId("live-status")).toHaveText("Live");

  const listRequests: string[] = [];
  const reads: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    // The inbox's list (the customer panel lists that customer's conversations: customerId=).
    if (url.pathname === "/api/conversations" && !url.searchParams.has("customerId")) listRequests.push(request.url());
    if (request.method() === "POST" && url.pathname.endsWith("/read")) reads.push(url.pathname);
  });
  const read = () => page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/read"));

  let answered = read();
  await row(page, "Ora Opener").click();
  await expect(page.getByTestId("thread-title")).toHaveText("Ora Opener");
  expect((await answered).ok()).toBe(true);
  await expect(row(page, "Ora Opener")).not.toContainText("unread");
  await expect(viewCount(page, "unread")).toHaveText("2");

  answered = read();
  await page.keyboard.press("j");
  await expect(page.getByTestId("thread-title")).toHaveText("Pia Opener");
  expect((await answered).ok()).toBe(true);
  await expect(row(page, "Pia Opener")).not.toContainText("unread");
  await expect(viewCount(page, "unread")).toHaveText("1");
  await expect(row(page, "Quin Opener")).toContainText("1 unread");

  // Back to a conversation read a moment ago: it is not marked read a second time.
  await page.keyboard.press("k");
  await expect(page.getByTestId("thread-title")).toHaveText("Ora Opener");
  await expect(row(page, "Ora Opener")).toBeFocused();
  expect(listRequests).toEqual([]);
  expect(reads).toHaveLength(2);

  // What the page shows is what the server has: a reload fetches the same.
  await page.reload();
  await expect(viewCount(page, "unread")).toHaveText("1");
  await expect(row(page, "Pia Opener")).not.toContainText("unread");
  await expect(row(page, "Quin Opener")).toContainText("1 unread");
});
