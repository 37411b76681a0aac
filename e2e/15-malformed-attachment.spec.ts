import { expect, test } from "@playwright/test";
import { openConversation, postWebhook } from "./inbox-page";

// A provider's attachment URL with a malformed percent-escape once made decodeURIComponent throw
// while rendering, and the whole thread failed to show.

test("a thread with a malformed attachment URL still renders, the file name shown as sent", async ({
  page,
  baseURL,
}) => {
  const location = "loc-malformed";
  await postWebhook(baseURL!, "highlevel", {
    type: "ContactCreate",
    locationId: location,
    id: "mallory",
    firstName: "Mallory",
    lastName: "Malformed",
  });
  await postWebhook(baseURL!, "highlevel", {
    type: "InboundMessage",
    locationId: location,
    contactId: "mallory",
    conversationId: "conv-mallory",
    messageType: "SMS",
    direction: "inbound",
    messageId: `malformed-${Date.now()}`,
    body: "Here is the report",
    attachments: ["https://files.example/report%E0%A4%A.pdf"],
    dateAdded: new Date().toISOString(),
  });
  await page.goto("/");
  await openConversation(page, "Mallory Malformed");
  await expect(page.getByTestId("message").filter({ hasText: "Here is the report" })).toBeVisible();
  await expect(page.getByRole("link", { name: "report%E0%A4%A.pdf" })).toBeVisible();
});
