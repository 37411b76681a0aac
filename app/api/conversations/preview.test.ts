import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@/lib/testing/database";
import { listConversations } from "@/lib/testing/read-api";
import { postWebhook } from "@/lib/testing/webhooks";

beforeEach(resetDatabase);

// Issue #12 item 7: with SMS + Inbound the list previewed outbound messages and email subjects.
// The preview is the newest message that matches the channel and direction filters.

const message = (id: string, fields: Record<string, unknown>) =>
  postWebhook("highlevel", {
    type: "InboundMessage",
    locationId: "l",
    contactId: "ct",
    conversationId: "cv",
    messageId: id,
    direction: "inbound",
    ...fields,
  });

async function preview(query: string) {
  const { status, body } = await listConversations(query);
  expect(status).toBe(200);
  return body.conversations.map((c) => [c.lastMessage?.preview, c.lastMessage?.direction, c.lastMessage?.channel]);
}

describe("list previews follow the filters", () => {
  beforeEach(async () => {
    await message("1", { messageType: "SMS", body: "Can I book?", dateAdded: "2025-01-01T09:00:00Z" });
    await message("2", {
      messageType: "SMS",
      direction: "outbound",
      body: "Tuesday?",
      dateAdded: "2025-01-01T10:00:00Z",
    });
    await message("3", {
      messageType: "CALL",
      direction: "outbound",
      status: "completed",
      callStatus: "no-answer",
      callDuration: 0,
      dateAdded: "2025-01-01T11:00:00Z",
    });
    await message("4", { messageType: "CALL", status: "voicemail", dateAdded: "2025-01-01T12:00:00Z" });
    await message("5", {
      messageType: "Email",
      subject: "Invoice",
      body: "<p>Attached</p>",
      dateAdded: "2025-01-01T13:00:00Z",
    });
  });

  it.each([
    ["", ["Invoice — Attached", "inbound", "email"]],
    ["channel=sms&direction=inbound", ["Can I book?", "inbound", "sms"]],
    ["channel=sms", ["Tuesday?", "outbound", "sms"]],
    ["direction=outbound", ["Outbound call · Missed", "outbound", "call"]],
    ["channel=call&channel=sms&direction=outbound", ["Outbound call · Missed", "outbound", "call"]],
    ["channel=voicemail", ["Inbound call · Voicemail", "inbound", "call"]],
    ["channel=sms&direction=inbound&q=book", ["Can I book?", "inbound", "sms"]],
  ])("%s → %j", async (query, expected) => {
    expect(await preview(query)).toEqual([expected]);
  });
});
