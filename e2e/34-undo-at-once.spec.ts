import { expect, type Page, test } from "@playwright/test";
import { openConversation } from "./inbox-page";
import { row, TriageLocation } from "./triage-page";

// An action ends when the server has answered, not when every list and count has been fetched
// again (1-2 s each at a million messages): its Undo is offered while those are still on their way.

/** Sonner's toasts live in a labelled region ("Notifications alt+T"). */
const toasts = (page: Page) => page.getByRole("region", { name: /Notifications/ });

test("assign and done offer Undo while the lists and counts are still being fetched again", async ({
  page,
  baseURL,
}) => {
  const place = new TriageLocation(baseURL!, "undo-at-once");
  const account = await place.customersWithSms(page, ["Una"], "Quick", () => "Is the invoice ready?");
  await page.goto(`/?account=${account}`);
  await openConversation(page, "Una Quick");

  // From here every list and count request is held until the end, as if each took seconds.
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = 0;
  await page.route(
    (url) => url.pathname === "/api/conversations" || url.pathname === "/api/conversations/counts",
    async (route) => {
      held++;
      await released;
      await route.continue().catch(() => undefined); // the page may have moved on meanwhile
    },
  );

  await page.getByTestId("thread-scroll").click();
  await page.keyboard.press("i");
  await expect(toasts(page).getByText("Assigned to you")).toBeVisible();
  await expect(row(page, "Una Quick").getByTestId("assignee-badge")).toBeVisible();
  await page.keyboard.press("e");
  await expect(toasts(page).getByText("Marked done")).toBeVisible();
  await expect(row(page, "Una Quick")).toHaveCount(0);
  // The lists were asked for again after each answer, and none has been answered yet.
  expect(held).toBeGreaterThan(0);

  release();
  await page.keyboard.press("z");
  await expect(toasts(page).getByText("Undone")).toBeVisible();
  await expect(row(page, "Una Quick")).toBeVisible();
  await expect(row(page, "Una Quick").getByTestId("assignee-badge")).toBeVisible();
});
