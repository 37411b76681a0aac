import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage, TEST_LOCATION } from "@/lib/testing/highlevel-payloads";
import { conversationByExternalId, conversationMessages, listConversations } from "@/lib/testing/read-api";
import { fixtureNames, loadFixture, postWebhook, providerOfFixture } from "@/lib/testing/webhooks";

beforeEach(resetDatabase);

const _LOCATION = TEST_LOCATION;
const message = highLevelMessage;

async function onlyMessage(conversationExternalId = "conv-1") {
  const conversation = await conversationByExternalId(conversationExternalId);
  const { body } = await conversationMessages(conversation.id);
  expect(body.messages).toHaveLength(1);
  return body.messages[0]!;
}

describe("POST /api/webhooks/highlevel with the provider's fixtures", () => {
  it.each(fixtureNames().filter((name) => providerOfFixture(name) === "highlevel"))("%s is processed", async (name) => {
    const result = await postWebhook("highlevel", loadFixture(name));
    expect(result.status).toBe(200);
    expect(result.outcome).toMatchObject({ status: "processed", messagesStored: 1 });
  });

  it("maps every fixture to the right channel, direction and call details", async () => {
    for (const name of fixtureNames().filter((n) => providerOfFixture(n) === "highlevel")) {
      await postWebhook("highlevel", loadFixture(name));
    }
    const { body } = await listConversations();
    expect(body.conversations).toHaveLength(5);

    const calls = await conversationMessages((await conversationByExternalId("SGDqZrzmwTr19d10aHkt9F")).id);
    // HighLevel's inbound and outbound call examples share one messageId: both are kept.
    expect(calls.body.messages.map((m) => [m.direction, m.call])).toEqual(
      expect.arrayContaining([
        ["inbound", { durationSeconds: null, outcome: "answered" }],
        ["outbound", { durationSeconds: 120, outcome: "answered" }],
      ]),
    );
    expect(calls.body.messages[0]!.attachments).toEqual([
      expect.objectContaining({ url: "call recording url", kind: "recording", playable: false }),
    ]);

    const voicemailCall = await onlyMessage("SGDqZrzmwTA5P7LHkt9F");
    expect(voicemailCall).toMatchObject({
      channel: "call",
      direction: "inbound",
      call: { outcome: "voicemail" },
      body: null,
    });
    expect(voicemailCall.attachments[0]).toMatchObject({ kind: "voicemail", playable: false });

    const drop = await onlyMessage("SGDqZrzmwTr5P7aHkt9F");
    expect(drop).toMatchObject({ channel: "voicemail", direction: "outbound" });

    const sms = await conversationMessages((await conversationByExternalId("fcanlLgpbQgQhderivVs")).id);
    // The outbound example says type OutboundMessage but direction inbound: direction wins.
    expect(sms.body.messages.map((m) => m.direction)).toEqual(["inbound", "inbound"]);

    const emails = await conversationMessages((await conversationByExternalId("yCdNo6pwyTLYKgg6V2gj")).id);
    const outbound = emails.body.messages.find((m) => m.direction === "outbound")!;
    expect(outbound).toMatchObject({
      channel: "email",
      subject: "Order Confirmed",
      email: {
        from: "Internal Notify <sample@email.service>",
        to: ["example@email.com"],
        cc: [],
        bcc: [],
        threadId: "sddfDSF3G56GHG",
      },
    });
    expect(outbound.body).toContain("<div");
  });

  it("answers each fixture's redelivery with duplicate", async () => {
    for (const name of fixtureNames()) {
      const provider = providerOfFixture(name);
      await postWebhook(provider, loadFixture(name));
      expect((await postWebhook(provider, loadFixture(name))).json.status, name).toBe("duplicate");
    }
  });
});

describe("message types", () => {
  it.each([
    ["SMS", "sms"],
    ["TYPE_SMS", "sms"],
    ["CALL", "call"],
    ["TYPE_CALL", "call"],
    ["VoiceMail", "voicemail"],
    ["Email", "email"],
    ["TYPE_EMAIL", "email"],
    ["GMB", "gmb"],
    ["TYPE_GMB", "gmb"],
    ["FB", "facebook"],
    ["TYPE_FACEBOOK", "facebook"],
    ["Facebook", "facebook"],
    ["IG", "instagram"],
    ["TYPE_INSTAGRAM", "instagram"],
    ["Live Chat", "live_chat"],
    ["TYPE_LIVE_CHAT", "live_chat"],
    ["WhatsApp", "whatsapp"],
    ["TYPE_WHATSAPP", "whatsapp"],
    ["Custom", "other"],
    ["TYPE_SOMETHING_NEW", "other"],
    [42, "other"],
  ])("%s is stored as channel %s", async (messageType, channel) => {
    expect((await postWebhook("highlevel", message({ messageType }))).outcome?.status).toBe("processed");
    expect((await onlyMessage()).channel).toBe(channel);
  });

  it("stores a message without a messageType as other rather than dropping it", async () => {
    const payload = message();
    delete (payload as Record<string, unknown>).messageType;
    expect((await postWebhook("highlevel", payload)).outcome?.status).toBe("processed");
    expect((await onlyMessage()).channel).toBe("other");
  });
});

describe("quirks of the provider documents", () => {
  it("splits to/cc/bcc given as strings holding several addresses", async () => {
    await postWebhook(
      "highlevel",
      message({
        messageType: "Email",
        subject: "Re: quote",
        body: "<p>Hi <b>there</b></p>",
        from: "Ana <ana@example.com>",
        to: 'a@example.com, "Doe, Jane" <jane@example.com>; c@example.com',
        cc: ["x@example.com", "y@example.com,z@example.com"],
        bcc: "hidden@example.com",
      }),
    );
    expect((await onlyMessage()).email).toMatchObject({
      to: ["a@example.com", '"Doe, Jane" <jane@example.com>', "c@example.com"],
      cc: ["x@example.com", "y@example.com", "z@example.com"],
      bcc: ["hidden@example.com"],
    });
    const conversation = await conversationByExternalId("conv-1");
    expect(conversation.lastMessage?.preview).toBe("Re: quote — Hi there");
  });

  it("reads callStatus voicemail as a call that ended in voicemail, found by the voicemail filter", async () => {
    await postWebhook(
      "highlevel",
      message({
        messageType: "CALL",
        direction: "outbound",
        status: "completed",
        callStatus: "voicemail",
        callDuration: "31",
        body: undefined,
        attachments: ["https://media.example.com/vm.mp3"],
      }),
    );
    expect(await onlyMessage()).toMatchObject({
      channel: "call",
      call: { outcome: "voicemail", durationSeconds: 31 },
      attachments: [{ kind: "voicemail", playable: true }],
    });
    const { body } = await listConversations("channel=voicemail");
    expect(body.conversations).toHaveLength(1);
  });

  it.each([
    ["no-answer", "no_answer"],
    ["busy", "busy"],
    ["failed", "failed"],
    ["canceled", "no_answer"],
    ["completed", "answered"],
  ])("call status %s is outcome %s", async (callStatus, outcome) => {
    await postWebhook("highlevel", message({ messageType: "CALL", callStatus }));
    expect((await onlyMessage()).call?.outcome).toBe(outcome);
  });

  it("keeps any language and emoji intact", async () => {
    const body = "¿Tienen cita el sábado? 🦷✨ 日本語もOK — Привет";
    await postWebhook("highlevel", message({ body }));
    expect((await onlyMessage()).body).toBe(body);
  });

  it("stores a message that has no messageId once, by its payload", async () => {
    const payload = message({ messageId: undefined });
    expect((await postWebhook("highlevel", payload)).outcome?.status).toBe("processed");
    expect((await postWebhook("highlevel", { ...payload })).json.status).toBe("duplicate");
    expect((await postWebhook("highlevel", { ...payload, body: "different" })).outcome?.status).toBe("processed");
  });

  it("accepts attachments given as objects with a url", async () => {
    await postWebhook(
      "highlevel",
      message({
        attachments: [{ url: "https://cdn.example.com/photo.JPG", type: "image" }, "https://cdn.example.com/file.pdf"],
      }),
    );
    expect((await onlyMessage()).attachments.map((a) => a.kind)).toEqual(["image", "file"]);
  });
});
