import { expect, test } from "@playwright/test";
import { seriousViolations } from "./axe";

// An owner stores a HighLevel API token in Settings: it is never shown again, its failure to
// work is shown (the suite's server has no HighLevel API to reach), and it can be removed.

// The fixtures' SMS location (its account exists), by the name Settings gives it.
const SAM_ACCOUNT = "HighLevel location l1C08ntBrFjLS0elLIYU";
const TOKEN = "pit-e2e-0123456789-never-shown";

test("an owner stores a HighLevel API token by keyboard, sees why it does not work, and removes it", async ({
  page,
}) => {
  await page.goto("/settings");
  const account = page.getByRole("region", { name: `Account ${SAM_ACCOUNT}` });
  const form = account.getByRole("form", { name: `HighLevel API token for ${SAM_ACCOUNT}` });
  await expect(form).toContainText("HighLevel API token");
  await expect(account.getByText(/No token: pipelines and stages show only/)).toBeVisible();

  const input = form.getByLabel("HighLevel API token");
  await expect(input).toHaveAttribute("type", "password");
  await input.fill(TOKEN);
  await input.press("Enter");
  await expect(input).toHaveValue("");
  const status = account.getByTestId("highlevel-token-status");
  await expect(status).toContainText("A token is stored");
  // The suite points HIGHLEVEL_API_URL at a path of its own server, which answers 404.
  await expect(status.getByRole("alert")).toContainText(/HighLevel (has no such thing|answered|could not be reached)/, {
    timeout: 20_000,
  });
  expect(await page.content()).not.toContain(TOKEN);
  expect(await seriousViolations(page)).toEqual([]);

  await page.reload();
  await expect(account.getByTestId("highlevel-token-status")).toContainText("A token is stored");
  expect(await page.content()).not.toContain(TOKEN);

  await form.getByRole("button", { name: "Remove token" }).click();
  await expect(account.getByText(/No token: pipelines and stages show only/)).toBeVisible();
});
