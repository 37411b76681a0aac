import { createServer } from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { linkIn, startTestSmtpServer, type TestSmtpServer } from "../lib/testing/smtp-server";
import { type AppProcess, FAULT_ADMIN, freshDatabase, startApp, stopProcess } from "./app-processes";
import { postSignedWebhook } from "./auth";
import { seriousViolations } from "./axe";

// Invitations and password reset in Chromium, with mail: the suite's own server runs without SMTP (as the demo
// does), so this spec starts the same build on a database of its own with SMTP_URL pointing at a
// real SMTP server in this process, and reads the mail the way a person would.

let smtp: TestSmtpServer;
let app: AppProcess;

/** A port nobody listens on, from the system (no fixed port to clash with another run). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test.use({ storageState: { cookies: [], origins: [] } });

async function signInAs(page: Page, password: string) {
  await page.goto(`${app.url}/sign-in`);
  await page.getByLabel("Email").fill(FAULT_ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText(FAULT_ADMIN.email);
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  smtp = await startTestSmtpServer();
  const port = await freePort();
  // `next start` is production: mail does not start without THREADLINE_PUBLIC_URL, the address
  // every mailed link points at (issue #25).
  app = await startApp(await freshDatabase("e2e-mail"), port, {
    SMTP_URL: smtp.url,
    THREADLINE_PUBLIC_URL: `http://127.0.0.1:${port}`,
  });
});
test.afterAll(async () => {
  if (app) await stopProcess(app.child);
  await smtp?.close();
});

test("an owner's invitation is mailed and listed as mailed; the invitee joins from the mail and confirms by mail", {
  tag: "@db",
}, async ({ page, browser }) => {
  await postSignedWebhook(app.url, "highlevel", {
    type: "InboundMessage",
    locationId: "loc-mail",
    conversationId: "conv-mail",
    messageId: "mail-1",
    messageType: "SMS",
    body: "hello from the mail spec",
  });
  await signInAs(page, FAULT_ADMIN.password);
  await expect
    .poll(async () => JSON.stringify(await (await page.request.get(`${app.url}/api/accounts`)).json()))
    .toContain("loc-mail");
  await page.goto(`${app.url}/settings`);
  const account = page.getByRole("region", { name: "Account HighLevel location loc-mail" });
  const invitee = `invitee-${Date.now()}@corp.test`;
  await account.getByLabel("Email to invite").fill(invitee);
  await account.getByRole("button", { name: "Send invitation" }).click();
  await expect(account.getByRole("status")).toContainText(`Invitation mailed to ${invitee}`);
  await expect(account.getByTestId("invite-link")).toHaveCount(0);
  await expect(account.getByRole("region", { name: "Invitations to HighLevel location loc-mail" })).toContainText(
    "mailed",
    {
      timeout: 15_000,
    },
  );
  expect(await seriousViolations(page)).toEqual([]);

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const person = await context.newPage();
  await person.goto(linkIn(await smtp.waitFor(invitee, /invited/)));
  await person.getByLabel("Your name").fill("Invited Person");
  await person.getByLabel("Password (10 characters or more)").fill("the invitee's password");
  await person.getByRole("button", { name: "Join" }).click();
  await expect(person.getByRole("status")).toContainText("Open it to confirm the address");
  await person.goto(linkIn(await smtp.waitFor(invitee, /Confirm/)));
  await expect(person.getByTestId("signed-in-as")).toHaveText(invitee);
  await expect(person.getByText("hello from the mail spec")).toBeVisible();
  await context.close();
});

test("forgot password: the mailed link sets a new password in the page; the old one stops working", {
  tag: "@db",
}, async ({ page }) => {
  const NEW_PASSWORD = "chosen in the browser";
  await page.goto(`${app.url}/sign-in`);
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill(FAULT_ADMIN.email);
  await page.getByRole("button", { name: "Mail me a link" }).click();
  await expect(page.getByRole("status")).toContainText("a link to choose a new password is on its way");
  expect(await seriousViolations(page)).toEqual([]);

  const mail = await smtp.waitFor(FAULT_ADMIN.email);
  expect(mail.subject).toBe("Reset your Threadline password");
  await page.goto(linkIn(mail));
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  await page.getByLabel("New password (10 characters or more)").fill(NEW_PASSWORD);
  await page.getByLabel("The same again").fill(NEW_PASSWORD);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password is changed");

  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill(FAULT_ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill(FAULT_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("Wrong email or password.");
  await signInAs(page, NEW_PASSWORD);

  // The link worked once.
  await page.goto(linkIn(mail));
  await expect(page.getByText("This link was used already or has expired")).toBeVisible();
});
