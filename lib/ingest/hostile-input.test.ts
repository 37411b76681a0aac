import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { conversationByExternalId, conversationMessages, listConversations } from "@/lib/testing/read-api";
import { signatureHeaders } from "@/lib/providers/sign";
import { testSigningKeys } from "@/lib/testing/signing";
import { loadFixture, postRaw, postWebhook } from "@/lib/testing/webhooks";

// Bytes a provider may sign that PostgreSQL's jsonb or a naive parser cannot take: they are
// stored as received, and what cannot be used fails with a reason without breaking reads.

beforeEach(resetDatabase);

const sms = (body: string, overrides: Record<string, unknown> = {}) => ({
  type: "InboundMessage",
  locationId: "loc-hostile",
  contactId: "c-h",
  conversationId: "conv-hostile",
  messageType: "SMS",
  direction: "inbound",
  body,
  messageId: `m-${Math.random()}`,
  dateAdded: "2025-06-01T10:00:00.000Z",
  ...overrides,
});

/** Posts a hand-written JSON text, signed over exactly those bytes. */
function postSignedText(text: string) {
  return postRaw("highlevel", text, signatureHeaders("highlevel", text, testSigningKeys()));
}

async function onlyMessageBody() {
  const conversation = await conversationByExternalId("conv-hostile");
  const { body } = await conversationMessages(conversation.id);
  expect(body.messages).toHaveLength(1);
  return body.messages[0]!.body;
}

describe("bytes jsonb refuses", () => {
  it("a NUL anywhere is stored, processed, and the message reads without it", async () => {
    const text = JSON.stringify(sms("before\u0000after", { contactId: "c-\u0000-nul" }));
    expect(text).toContain("\\u0000");
    const result = await postSignedText(text);
    expect(result.status).toBe(200);
    expect(result.json.status).toBe("received");
    expect(result.outcome?.status).toBe("processed");
    expect(await onlyMessageBody()).toBe("beforeafter");
    // The log keeps the bytes that were signed.
    const event = await (await getPrisma()).webhookEvent.findFirstOrThrow();
    expect(Buffer.from(event.rawBody).toString("utf8")).toBe(text);
  });

  it("a lone surrogate is stored, processed, and read as U+FFFD", async () => {
    const text =
      `{"type":"InboundMessage","locationId":"loc-hostile","contactId":"c-h","conversationId":"conv-hostile",` +
      `"messageType":"SMS","direction":"inbound","body":"broken \\ud83d emoji","messageId":"m-lone","dateAdded":"2025-06-01T10:00:00Z"}`;
    const result = await postSignedText(text);
    expect(result.outcome?.status).toBe("processed");
    expect(await onlyMessageBody()).toBe("broken \uFFFD emoji");
  });

  it("a NUL in the fields that identify the event (message id, location) is stored too", async () => {
    const result = await postWebhook(
      "highlevel",
      sms("x", { messageId: "id\u0000with-nul", locationId: "loc-\u0000" }),
    );
    expect(result.status).toBe(200);
    expect(result.outcome?.status).toBe("processed");
    const again = await postWebhook("highlevel", sms("x", { messageId: "id\u0000with-nul", locationId: "loc-\u0000" }));
    expect(again.json.status).toBe("duplicate");
  });
});

describe("shapes a parser chokes on", () => {
  it("JSON nested 10,000 levels deep is 400, nothing stored", async () => {
    const deep = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;
    const result = await postSignedText(JSON.stringify({ ...sms("deep"), extra: "__" }).replace('"__"', deep));
    expect(result.status).toBe(400);
    expect(result.json.error).toMatch(/nested deeper than 256 levels/);
    expect(await (await getPrisma()).webhookEvent.count()).toBe(0);
  });

  it("brackets inside strings do not count as nesting", async () => {
    const result = await postWebhook("highlevel", sms("[".repeat(5_000)));
    expect(result.outcome?.status).toBe("processed");
  });

  it("a date in year 10000 fails the event with the reason; lists keep answering 200", async () => {
    const voxity = loadFixture<{ data: { object: { createdAt: string } } }>("voxity-sms-message-added");
    voxity.data.object.createdAt = "+010000-01-01T00:00:00.000Z";
    const result = await postWebhook("voxity", voxity);
    expect(result.status).toBe(200);
    expect(result.outcome).toMatchObject({ status: "failed" });
    expect(result.outcome?.error).toMatch(/date outside 1900–2200/);
    const far = await postWebhook("highlevel", sms("far future", { dateAdded: "9999-12-31T00:00:00Z" }));
    expect(far.outcome?.error).toMatch(/date outside 1900–2200/);
    expect((await listConversations()).status).toBe(200);
    expect((await listConversations("channel=sms")).status).toBe(200);
  });
});

describe("Voxity event ids belong to their agent", () => {
  it("agent X sending agent Y's event id first does not make Y's genuine event a duplicate", async () => {
    const genuine = loadFixture<{ id: string; agentId: string }>("voxity-sms-message-added");
    const squatter = { ...genuine, agentId: "agent-squatter" };
    expect((await postWebhook("voxity", squatter)).json.status).toBe("received");
    const real = await postWebhook("voxity", genuine);
    expect(real.json.status).toBe("received");
    expect(real.outcome?.status).toBe("processed");
    const accounts = await (await getPrisma()).account.findMany({
      where: { provider: "voxity" },
      select: { externalId: true },
    });
    expect(accounts.map((a) => a.externalId).sort()).toEqual(["agent-squatter", genuine.agentId].sort());
  });
});
