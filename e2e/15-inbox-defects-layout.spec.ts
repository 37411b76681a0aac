import { expect, test, type Locator } from "@playwright/test";
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./auth";
import { at, contact, message } from "./defects-data";
import { openOtto, row, seedDefects } from "./defects-page";
import { postWebhook, saveScreenshot, VIEWPORTS } from "./inbox-page";

// Issue #12, the layout and small items: narrow widths, channel marks, images, the customer's
// conversations, the small things; and screenshots at 390, 1024 and 1440 px to look at.

test.beforeEach(async ({ baseURL }) => seedDefects(baseURL!));

test("9: at 1024 px the customer panel is a toggle and the thread is the widest pane", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await openOtto(page);
  const thread = page.getByRole("main", { name: "Conversation" });
  await expect(page.getByRole("complementary", { name: "Customer" })).toBeHidden();
  expect((await thread.boundingBox())!.width).toBeGreaterThan(600);
  // Every call heading is one line here too, its "·" beside the duration, never stranded.
  for (const heading of await page.getByTestId("call-heading").all())
    expect((await heading.boundingBox())!.height).toBeLessThan(32);
  await page.getByRole("button", { name: "Customer" }).click();
  await expect(page.getByTestId("customer-panel")).toBeVisible();
  await expect(thread).toBeVisible();
  // At 1440 px the panel is a third column beside the thread, not over it.
  await page.setViewportSize({ width: 1440, height: 900 });
  const panelBox = (await page.getByRole("complementary", { name: "Customer" }).boundingBox())!;
  const threadBox = (await thread.boundingBox())!;
  expect(threadBox.x + threadBox.width).toBeLessThanOrEqual(panelBox.x + 1);
});

test.describe("9: on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  async function expectTapTarget(target: Locator) {
    const box = (await target.boundingBox())!;
    expect(box.height, await target.evaluate((el) => el.outerHTML.slice(0, 80))).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(44);
  }

  test("9: filters, play and download are 44 px tap targets; a call heading stays one line", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: /^Filters/ }).click();
    await expectTapTarget(page.getByRole("button", { name: "SMS" }));
    await expectTapTarget(page.getByRole("button", { name: "Inbound" }));
    await openOtto(page);
    const player = page.getByTestId("audio-player").first();
    await expectTapTarget(player.getByRole("button", { name: /^Play/ }));
    await expectTapTarget(player.getByRole("link", { name: /^Download/ }));
    const heading = page.getByTestId("call-heading").first();
    expect((await heading.boundingBox())!.height).toBeLessThan(32);
  });

  test("9: Settings does not scroll sideways and Sign out stays on one line (in the menu)", async ({ page }) => {
    await page.goto("/settings");
    await expect(page.getByRole("heading", { name: "Accounts" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole("button", { name: "Menu" }).click();
    expect((await page.getByRole("menuitem", { name: "Sign out" }).boundingBox())!.height).toBeLessThan(48);
  });
});

test("8: every channel has its own named mark, and a row reaches all of them", async ({ page, baseURL }) => {
  const types = ["SMS", "FB", "TYPE_INSTAGRAM", "WhatsApp", "GMB", "Live Chat"];
  await postWebhook(baseURL!, "highlevel", contact("many", "Mona", "Many"));
  for (const [index, messageType] of types.entries())
    await postWebhook(
      baseURL!,
      "highlevel",
      message(`many-${index}`, "many", { messageType, body: `hi ${index}`, dateAdded: at(16, index) }),
    );
  await page.goto("/");
  const marks = row(page, "Mona Many").getByTestId("channel-marks").getByRole("img");
  const named = () =>
    marks.evaluateAll((elements) =>
      elements.map((element) => `${element.getAttribute("aria-label")}|${element.getAttribute("title")}`),
    );
  await expect.poll(async () => (await named()).join(" ")).toContain("Live chat");
  const names = await named();
  for (const name of ["SMS", "Facebook", "Instagram", "WhatsApp", "Google Business", "Live chat"])
    expect(names.join(" ")).toContain(name);
  for (const entry of names) expect(entry.split("|")[1]).toBeTruthy();
  // SMS and Facebook no longer share a speech bubble; Instagram is no camera, WhatsApp no phone.
  const mark = (channel: string) =>
    page
      .locator(`[data-channel-mark='${channel}']`)
      .first()
      .evaluate((element) => element.outerHTML);
  await page.goto("/?channel=sms,facebook,whatsapp,instagram");
  expect(await mark("sms")).not.toBe(await mark("facebook"));
  expect(await mark("instagram")).not.toContain("lucide-camera");
  expect(await mark("whatsapp")).not.toContain("lucide-smartphone");
});

test("6: a broken image says so, a working one opens larger", async ({ page, baseURL }) => {
  await postWebhook(baseURL!, "highlevel", contact("img", "Ines", "Images"));
  await postWebhook(
    baseURL!,
    "highlevel",
    message("img-1", "img", {
      messageType: "SMS",
      body: "two photos",
      attachments: [`${baseURL}/api/demo-media/missing-photo.png`, `${baseURL}/api/demo-media/xray-photo.png`],
      dateAdded: at(17),
    }),
  );
  // The second photo is answered by the browser here (the suite's servers host no pictures).
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  );
  await page.goto("/");
  const ids = await (await page.request.get("/api/conversations?q=Ines")).json();
  const detail = await (
    await page.request.get(`/api/conversations/${ids.conversations[0].id}/messages?latest=true`)
  ).json();
  const working = detail.messages[0].attachments[1].mediaUrl as string;
  await page.route(`**${working}`, (route) => route.fulfill({ contentType: "image/png", body: png }));
  await row(page, "Ines Images").click();
  await expect(page.getByTestId("image-unavailable")).toHaveText("Image unavailable");
  await page.getByRole("button", { name: "Open image larger" }).click();
  await expect(page.getByTestId("image-viewer")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("image-viewer")).toBeHidden();
});

test("screenshots at 390, 1024 and 1440 px (test-results/screenshots)", { tag: "@screenshots" }, async ({ page }) => {
  for (const [width, height] of VIEWPORTS) {
    await page.setViewportSize({ width, height });
    await page.goto("/?channel=sms,call,voicemail");
    // Shots of what a person sees once it has loaded, not of the loading state.
    await expect(row(page, "Otto Outcomes")).toBeVisible();
    await saveScreenshot(page, `defects-list-${width}`);
    await row(page, "Otto Outcomes").click();
    await expect(page.getByTestId("message")).toHaveCount(6);
    await expect(page.getByTestId("thread-title")).toHaveText("Otto Outcomes");
    await saveScreenshot(page, `defects-otto-${width}`);
    await page.goto("/settings");
    await expect(page.getByRole("heading", { name: "Accounts" })).toBeVisible();
    await saveScreenshot(page, `defects-settings-${width}`);
  }
});

test("10: the customer's conversations show in the panel and the thread stays open", async ({ page }) => {
  await openOtto(page);
  const panel = page.getByTestId("customer-conversations");
  await expect(panel).toContainText("This is their only conversation.");
  await expect(page.getByTestId("thread-title")).toHaveText("Otto Outcomes");
});

test("11: small things: the not-found text, list time tooltip, seek by 5 s, download name", async ({ page }) => {
  await page.goto("/?c=00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^This conversation could not be opened/);
  await openOtto(page);
  await expect(row(page, "Otto Outcomes").locator("time")).toHaveAttribute("title", /2025/);
  const player = page.getByTestId("audio-player").first();
  await expect(player.getByRole("link", { name: /^Download/ })).toHaveAttribute(
    "download",
    /^otto-outcomes-call-recording-outbound-2025-10-20-\d{4}$/,
  );
  // As the reader sees it (innerText applies CSS text-transform): the source as HighLevel sent it.
  const origin = page.getByTestId("customer-panel").getByTestId("customer-origin");
  expect(await origin.evaluate((element: HTMLElement) => element.innerText)).toBe("HighLevel · via Website");
  await player.getByLabel(/^Seek/).focus();
  await page.keyboard.press("ArrowRight");
  await expect(player.getByTestId("audio-clock")).toContainText(/^0:05 \//);
});

test("11: a conversation opened from a link is scrolled into view in the list", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 500 });
  // The last row of the list's first page (what the page loads before any scrolling), far below a
  // 500 px viewport whatever else earlier specs stored.
  const list = await (await page.request.get("/api/conversations?limit=50")).json();
  const oldest = list.conversations.at(-1);
  await page.goto(`/?c=${oldest.id}`);
  await expect(page.locator(`[data-conversation-id='${oldest.id}']`)).toBeInViewport();
});

test("11: a wrong password puts focus back in the password box; signing out says so", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ADMIN_EMAIL);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email" })).toHaveText("Wrong email or password.");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.getByLabel("Password").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("live-status")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("status").filter({ hasText: "You have signed out." })).toBeVisible();
  await context.close();
});
