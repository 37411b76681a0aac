import { expect, test, type Browser } from "@playwright/test";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./auth";
import { expectLabels, saveScreenshot, watchForAttacks } from "./inbox-page";

// People in the page: sign-in, sign-out, and an invited member who sees their account only.

const SAM_LOCATION = "l1C08ntBrFjLS0elLIYU"; // the fixtures' SMS location: one conversation, Sam Sms
// Settings shows the account by its display name: no LocationUpdate names it, so the default.
const SAM_ACCOUNT_NAME = `HighLevel location ${SAM_LOCATION}`;
const anonymous = { storageState: { cookies: [], origins: [] } };

async function freshContext(browser: Browser) {
  return browser.newContext(anonymous);
}

test.describe("signing in", () => {
  test.use(anonymous);

  test("the inbox asks for sign-in, refuses a wrong password, lets the right one in and back out", async ({ page }) => {
    await page.goto("/?channel=sms");
    await expect(page).toHaveURL(/\/sign-in\?next=%2F%3Fchannel%3Dsms$/);
    await page.getByLabel("Email").fill(ADMIN_EMAIL);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("Wrong email or password.");
    await saveScreenshot(page, "sign-in", { docs: true });

    await page.getByLabel("Password").fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/\?channel=sms$/); // back where they were going
    await expect(page.getByTestId("signed-in-as")).toHaveText(ADMIN_EMAIL);
    const cookie = (await page.context().cookies()).find((c) => c.name === "threadline.session_token");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(await page.evaluate(() => document.cookie)).not.toContain("session_token");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
    expect((await page.request.get("/api/conversations")).status()).toBe(401);
  });

  test("a sign-in form posted from another site is refused", async ({ page }) => {
    const response = await page.request.post("/api/auth/sign-in/email", {
      data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      headers: { origin: "https://evil.example" },
    });
    expect(response.status()).toBe(403);
  });
});

test("an owner invites a member, who joins and sees only that account, in the page and the API", async ({
  page,
  browser,
}) => {
  // The administrator (this suite's signed-in user) creates the invitation in Settings.
  const memberEmail = `member-${Date.now()}@threadline.test`;
  await page.goto("/settings");
  const account = page.getByRole("region", { name: `Account ${SAM_ACCOUNT_NAME}` });
  await account.getByLabel("Email to invite").fill(memberEmail);
  await account.getByRole("button", { name: "Create invitation link" }).click();
  const link = (await account.getByTestId("invite-link").locator("code").innerText()).trim();
  expect(link).toMatch(/\/invite\/[\w-]{43}$/);
  await saveScreenshot(account, "settings-account", { docs: true });

  // Someone else's conversation, by id, for later.
  const calls = (await (await page.request.get("/api/conversations?channel=call")).json()) as {
    conversations: Array<{ id: string; customer: { name: string } | null }>;
  };
  const foreign = calls.conversations.find((c) => c.customer?.name === "Carla Call")!;
  expect(foreign).toBeTruthy();

  const context = await freshContext(browser);
  const member = await context.newPage();
  const attacks = watchForAttacks(member, () => false);
  await member.goto(link);
  await expect(member.getByRole("heading", { name: `Join ${SAM_ACCOUNT_NAME}` })).toBeVisible();
  await member.getByLabel("Your name").fill("Mia Member");
  await member.getByLabel(/Password/).fill("mia's long password");
  await member.getByRole("button", { name: "Join" }).click();
  await expect(member.getByTestId("signed-in-as")).toHaveText(memberEmail);
  await expectLabels(member, ["Sam Sms"]);

  // Another account's conversation: "not found" in the page and 404 from the API, as for a made-up id.
  await member.goto(`/?c=${foreign.id}`);
  await expect(member.getByTestId("thread-title")).toHaveText("Conversation not found");
  await expect(member.getByTestId("message")).toHaveCount(0);
  expect((await member.request.get(`/api/conversations/${foreign.id}`)).status()).toBe(404);
  expect((await member.request.get(`/api/conversations/${foreign.id}/messages`)).status()).toBe(404);
  expect(attacks.dialogs).toEqual([]);

  // The link worked once.
  const again = await (await freshContext(browser)).newPage();
  await again.goto(link);
  await expect(again.getByRole("main").getByRole("alert")).toContainText(
    "does not exist, was used already or has expired",
  );
  await context.close();
});

test("an owner issues an API token in Settings that reads that account only, and revokes it", async ({
  page,
  playwright,
  baseURL,
}) => {
  await page.goto("/settings");
  const account = page.getByRole("region", { name: `Account ${SAM_ACCOUNT_NAME}` });
  await account.getByLabel("Token name").fill("e2e integration");
  await account.getByRole("button", { name: "Issue token" }).click();
  const token = (await account.getByTestId("api-token").locator("code").innerText()).trim();
  const api = await playwright.request.newContext({
    baseURL,
    storageState: anonymous.storageState,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  const list = (await (await api.get("/api/conversations?limit=200")).json()) as {
    conversations: Array<{ customer: { name: string } | null }>;
  };
  expect(list.conversations.map((c) => c.customer?.name)).toEqual(["Sam Sms"]);
  await account.getByRole("button", { name: "Revoke e2e integration" }).click();
  await expect(account.getByRole("list", { name: `Tokens of ${SAM_ACCOUNT_NAME}` })).toContainText("revoked");
  expect((await api.get("/api/conversations")).status()).toBe(401);
  await api.dispose();
});
