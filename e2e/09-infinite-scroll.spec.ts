import { expect, test } from "@playwright/test";
import { postWebhook } from "./inbox-page";

// More conversations than one page (50): scrolling the list must load the rest over the keyset API.
const COUNT = 70;

test("the conversation list loads further pages as the reader scrolls", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  for (let i = 0; i < COUNT; i++) {
    const id = `paged-${i}`;
    await postWebhook(baseURL!, "highlevel", {
      type: "ContactCreate",
      locationId: "loc-paged",
      id,
      firstName: "Pagedperson",
      lastName: String(i).padStart(2, "0"),
    });
    await postWebhook(baseURL!, "highlevel", {
      type: "InboundMessage",
      locationId: "loc-paged",
      contactId: id,
      conversationId: `conv-${id}`,
      messageId: `msg-${id}`,
      messageType: "SMS",
      body: `page test ${i}`,
      dateAdded: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(),
    });
  }
  const pages: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/conversations?"))
      pages.push(new URL(request.url()).searchParams.get("cursor") ? "next" : "first");
  });
  await page.goto("/?q=pagedperson");
  const list = page.getByTestId("conversation-list");
  await expect(page.getByTestId("conversation-row").first()).toContainText("Pagedperson 69");

  // Collect every name the virtualised list shows while scrolling to its end.
  const seen = new Set<string>();
  for (let step = 0; step < 60 && seen.size < COUNT; step++) {
    for (const name of await page.getByTestId("conversation-name").allInnerTexts()) seen.add(name);
    await list.evaluate((el) => el.scrollBy(0, 400));
    await page.waitForTimeout(100);
  }
  expect(seen.size).toBe(COUNT);
  expect(seen.has("Pagedperson 00")).toBe(true);
  expect(pages).toContain("next");
});
