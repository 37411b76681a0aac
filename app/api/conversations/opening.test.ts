import { beforeEach, describe, expect, it } from "vitest";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { conversationByExternalId, conversationDetail, conversationMessages } from "@/lib/testing/read-api";
import { postWebhook } from "@/lib/testing/webhooks";

// Opening a thread is one request (#28): GET /api/conversations/:id?messages=latest answers the
// detail (header, customer panel, composer) with the thread's newest page, the same page
// GET /api/conversations/:id/messages?latest=true answers.

let id: string;

beforeEach(async () => {
  await resetDatabase();
  for (let i = 1; i <= 3; i++)
    await postWebhook("highlevel", {
      type: "InboundMessage",
      locationId: "loc-open",
      conversationId: "conv-open",
      contactId: "contact-open",
      messageId: `m-open-${i}`,
      messageType: "SMS",
      direction: "inbound",
      body: `message ${i}`,
      dateAdded: new Date(Date.UTC(2026, 0, 1, 9, i)).toISOString(),
    });
  await postWebhook("highlevel", {
    type: "InboundMessage",
    locationId: "loc-elsewhere",
    conversationId: "conv-elsewhere",
    messageId: "m-elsewhere",
    messageType: "SMS",
    direction: "inbound",
    body: "not yours",
  });
  id = (await conversationByExternalId("conv-open")).id;
});

describe("the conversation detail with its newest page", () => {
  it("carries the newest page only when asked, equal to the messages route's", async () => {
    const plain = await conversationDetail(id);
    expect(plain.status).toBe(200);
    expect(plain.body.messages).toBeUndefined();

    const opening = await conversationDetail(id, undefined, "messages=latest");
    expect(opening.status).toBe(200);
    const page = (await conversationMessages(id, "latest=true&limit=50")).body;
    expect(opening.body.messages).toEqual(page);
    expect(opening.body.messages!.messages.map((m) => m.body)).toEqual(["message 1", "message 2", "message 3"]);
    const { messages: _page, ...detail } = opening.body;
    expect(detail).toEqual(plain.body);
  });

  it("answers 400 for another value and 404 for a conversation outside the viewer's accounts", async () => {
    expect((await conversationDetail(id, undefined, "messages=all")).status).toBe(400);
    const elsewhere = (await conversationByExternalId("conv-elsewhere")).id;
    const { cookie } = await createSignedInUser({
      accounts: [{ accountId: await accountIdOf("highlevel", "loc-open") }],
    });
    const answer = await conversationDetail(elsewhere, { cookie }, "messages=latest");
    expect(answer.status).toBe(404);
    expect(answer.body.messages).toBeUndefined();
  });
});
