import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage, TEST_LOCATION } from "@/lib/testing/highlevel-payloads";
import { conversationByExternalId, conversationMessages, listConversations } from "@/lib/testing/read-api";
import { postWebhook } from "@/lib/testing/webhooks";

// HighLevel's VoiceAiCallEnd through the real webhook route and worker: it meets its call
// message on messageId whichever comes first, and stands as its own call when none comes.

beforeEach(resetDatabase);

const report = (overrides: Record<string, unknown> = {}) => ({
  type: "VoiceAiCallEnd",
  id: "vai-1",
  locationId: TEST_LOCATION,
  agentId: "agent-1",
  contactId: "contact-1",
  messageId: "call-msg-1",
  fromNumber: "+14155552671",
  createdAt: "2025-01-01T12:30:00Z",
  duration: 95,
  summary: "Caller wants to move her cleaning.\nPrefers Tuesday mornings.",
  transcript: "bot: Hi, this is Smile Dental, how can I help?\nhuman: I need to reschedule my cleaning appointment.",
  extractedData: { preferredDay: "Tuesday", insurance_provider: "Delta" },
  executedCallActions: [],
  trialCall: false,
  ...overrides,
});

const call = (overrides: Record<string, unknown> = {}) =>
  highLevelMessage({
    messageId: "call-msg-1",
    messageType: "CALL",
    body: undefined,
    status: "completed",
    callStatus: "completed",
    callDuration: 95,
    attachments: ["https://media.example.com/recording-1.mp3"],
    dateAdded: "2025-01-01T12:30:05Z",
    ...overrides,
  });

async function callsIn(conversationExternalId: string) {
  const conversation = await conversationByExternalId(conversationExternalId);
  const { body } = await conversationMessages(conversation.id);
  return { conversation, messages: body.messages.filter((m) => m.channel === "call") };
}

const expectedSentences = [
  expect.objectContaining({ speaker: "AI agent", text: "Hi, this is Smile Dental, how can I help?" }),
  expect.objectContaining({ speaker: "Caller", text: "I need to reschedule my cleaning appointment." }),
];

describe("VoiceAiCallEnd", () => {
  it("after its call: attaches summary, transcript and facts to that call", async () => {
    await postWebhook("highlevel", call());
    const result = await postWebhook("highlevel", report());
    expect(result.outcome?.status).toBe("processed");
    const { conversation, messages } = await callsIn("conv-1");
    expect(messages).toHaveLength(1);
    expect(messages[0]?.attachments).toHaveLength(1);
    expect(messages[0]?.transcript).toMatchObject({
      summary: "Caller wants to move her cleaning.\nPrefers Tuesday mornings.",
      sentences: expectedSentences,
      facts: [
        { label: "Preferred day", value: "Tuesday" },
        { label: "Insurance provider", value: "Delta" },
      ],
      timed: false,
    });
    expect(conversation.lastMessage?.preview).toBe("Caller wants to move her cleaning.");
  });

  it("before its call: shows at once, then the call takes its place (recording, duration), once", async () => {
    await postWebhook("highlevel", highLevelMessage({ dateAdded: "2025-01-01T12:00:00Z" }));
    await postWebhook("highlevel", report());
    const before = await callsIn("conv-1");
    expect(before.messages).toHaveLength(1);
    expect(before.messages[0]?.attachments).toHaveLength(0);
    expect(before.messages[0]?.transcript?.summary).toContain("move her cleaning");

    const arrived = await postWebhook("highlevel", call({ callDuration: 97 }));
    expect(arrived.outcome).toMatchObject({ status: "processed", messagesStored: 1 });
    const after = await callsIn("conv-1");
    expect(after.messages).toHaveLength(1);
    expect(after.messages[0]?.id).toBe(before.messages[0]?.id);
    expect(after.messages[0]?.attachments.map((a) => a.url)).toEqual(["https://media.example.com/recording-1.mp3"]);
    expect(after.messages[0]?.call?.durationSeconds).toBe(97);
    expect(after.messages[0]?.transcript?.sentences).toEqual(expectedSentences);
    expect(after.conversation.lastMessage?.preview).toBe("Caller wants to move her cleaning.");
    // The call redelivered later is still one call.
    await postWebhook("highlevel", call({ callDuration: 97, webhookId: "again" }));
    expect((await callsIn("conv-1")).messages).toHaveLength(1);
  });

  it("before its call in another conversation: the placeholder moves there, nothing left behind", async () => {
    await postWebhook("highlevel", highLevelMessage({ dateAdded: "2025-01-01T12:00:00Z" }));
    await postWebhook("highlevel", report());
    await postWebhook("highlevel", call({ conversationId: "conv-2" }));
    expect((await callsIn("conv-1")).messages).toHaveLength(0);
    const moved = await callsIn("conv-2");
    expect(moved.messages).toHaveLength(1);
    expect(moved.messages[0]?.transcript?.facts).toHaveLength(2);
    const conv1 = await conversationByExternalId("conv-1");
    expect(conv1.lastMessage?.channel).toBe("sms");
  });

  it("redelivered (same payload or a new webhook id): stored once, nothing doubled", async () => {
    await postWebhook("highlevel", report());
    const again = await postWebhook("highlevel", report());
    expect(again.json.status).toBe("duplicate");
    await postWebhook("highlevel", { ...report(), webhookId: "redelivery-2" });
    const prisma = await getPrisma();
    expect(await prisma.callTranscript.count()).toBe(1);
    expect(await prisma.message.count({ where: { channel: "call" } })).toBe(1);
    const { messages } = await callsIn("voice-ai:contact:contact-1");
    expect(messages[0]?.transcript?.sentences).toHaveLength(2);
  });

  it("for a contact never seen: its own call in a conversation of that contact, listed with its summary", async () => {
    const result = await postWebhook("highlevel", report({ contactId: "contact-new", messageId: undefined }));
    expect(result.outcome?.status).toBe("processed");
    const { conversation, messages } = await callsIn("voice-ai:contact:contact-new");
    expect(messages).toHaveLength(1);
    expect(messages[0]?.externalId).toBe("voice-ai:vai-1");
    expect(messages[0]?.call).toEqual({ durationSeconds: 95, outcome: "answered" });
    expect(conversation.customer).not.toBeNull();
    const { body } = await listConversations();
    expect(body.conversations.map((c) => c.lastMessage?.preview)).toContain("Caller wants to move her cleaning.");
  });

  it("a report that is not one (no id) fails with the reason, is not stored as a call", async () => {
    const result = await postWebhook("highlevel", { type: "VoiceAiCallEnd", locationId: TEST_LOCATION });
    expect(result.outcome?.status).toBe("failed");
    expect(result.outcome?.error).toMatch(/id/);
  });
});
