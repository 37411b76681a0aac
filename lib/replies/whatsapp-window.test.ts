import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelApiStubForFile } from "@/lib/testing/highlevel-api-hooks";
import { conversationDetail, conversationMessages } from "@/lib/testing/read-api";
import {
  customerMessage,
  REPLY_CONTACT,
  REPLY_LOCATION,
  REPLY_TOKEN,
  replyableConversation,
} from "@/lib/testing/reply-fixtures";
import { runJobs, sendReply } from "@/lib/testing/replies-api";
import { whatsAppTemplatesOf } from "@/lib/testing/whatsapp-templates-api";
import { postWebhook } from "@/lib/testing/webhooks";
import { createSignedInUser } from "@/lib/testing/auth";
import { forgetWhatsAppTemplates, TEMPLATES_SCOPE_MISSING } from "./whatsapp-templates";

// WhatsApp's 24-hour window through the real routes and job against HighLevel's stand-in: free
// text only within 24 hours of the customer's last WhatsApp message; after that the composer
// offers the location's approved templates (GET /locations/{id}/templates with the account's
// token) and the reply goes out as `templateId`. Free text outside the window is refused with
// words to show, and nothing is stored or sent.

const highLevel = highLevelApiStubForFile();
beforeEach(async () => {
  await resetDatabase();
  forgetWhatsAppTemplates();
});

const HOUR = 3600_000;
const whatsApp = (hoursAgo: number) =>
  customerMessage({
    messageType: "WhatsApp",
    body: "Hola, ¿tienen cita el viernes?",
    dateAdded: new Date(Date.now() - hoursAgo * HOUR).toISOString(),
  });

const TEMPLATES = [
  {
    id: "tpl-followup",
    name: "Follow-up",
    type: "whatsapp",
    status: "APPROVED",
    template: { body: "Hi! Shall we book you in?" },
  },
  { id: "tpl-pending", name: "Promo", type: "whatsapp", status: "PENDING", template: { body: "50% off" } },
  { id: "tpl-sms", name: "SMS only", type: "sms", template: { body: "Not for WhatsApp" } },
];

const templates = whatsAppTemplatesOf;

describe("WhatsApp within 24 hours of the customer's last message", () => {
  it("sends free text as typed", async () => {
    const { conversationId, member } = await replyableConversation({ firstMessage: whatsApp(23) });
    const { reply } = (await conversationDetail(conversationId, member.headers)).body;
    expect(reply).toMatchObject({ defaultChannel: "whatsapp", whatsapp: { open: true } });
    const text = "¡Sí! El viernes a las 10.";
    const sent = await sendReply(conversationId, member.headers, { clientKey: "key-wa-1", channel: "whatsapp", text });
    expect(sent.status).toBe(201);
    await runJobs();
    expect(highLevel().sent.map((s) => s.body)).toEqual([
      { type: "WhatsApp", contactId: REPLY_CONTACT, message: text },
    ]);
  });
});

describe("WhatsApp after 24 hours", () => {
  it("refuses free text with why; offers the approved templates; sends the chosen one as templateId", async () => {
    const { conversationId, member } = await replyableConversation({ firstMessage: whatsApp(25) });
    highLevel().templates.byLocation.set(REPLY_LOCATION, TEMPLATES);
    const { reply } = (await conversationDetail(conversationId, member.headers)).body;
    expect(reply).toMatchObject({ defaultChannel: "whatsapp", whatsapp: { open: false, closesAt: null } });

    const prisma = await getPrisma();
    const before = await prisma.message.count();
    const text = "Free text";
    const refused = await sendReply(conversationId, member.headers, {
      clientKey: "key-wa-2",
      channel: "whatsapp",
      text,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(
      /^More than 24 hours have passed since the customer last wrote on WhatsApp \(\d+ \w{3}\): WhatsApp allows only an approved template until they write again$/,
    );
    expect(await prisma.message.count()).toBe(before);

    // The picker's list: approved WhatsApp templates only, asked with the account's token.
    const listed = await templates(conversationId, member.headers);
    expect(listed).toMatchObject({
      status: 200,
      body: { templates: [{ id: "tpl-followup", name: "Follow-up", body: "Hi! Shall we book you in?" }] },
    });
    expect(highLevel().templates.requests).toEqual([
      `/locations/${REPLY_LOCATION}/templates?originId=${REPLY_LOCATION}&type=whatsapp&deleted=false&skip=0&limit=100`,
    ]);
    expect(highLevel().seen[0]).toMatchObject({
      method: "GET",
      authorization: `Bearer ${REPLY_TOKEN}`,
      version: "2021-07-28",
    });

    // A template that is not an approved one of this location is refused; one that is goes out.
    for (const templateId of ["tpl-pending", "tpl-elsewhere"]) {
      const wrong = await sendReply(conversationId, member.headers, {
        clientKey: `key-${templateId}`,
        channel: "whatsapp",
        text: "",
        templateId,
      });
      expect(wrong).toMatchObject({
        status: 400,
        body: { error: expect.stringMatching(/^That template isn't one of/) },
      });
    }
    const sent = await sendReply(conversationId, member.headers, {
      clientKey: "key-wa-3",
      channel: "whatsapp",
      text: "",
      templateId: "tpl-followup",
    });
    expect(sent.status).toBe(201);
    await runJobs();
    expect(highLevel().sent.map((s) => s.body)).toEqual([
      { type: "WhatsApp", contactId: REPLY_CONTACT, templateId: "tpl-followup" },
    ]);
    // The thread shows what the customer reads; the list was fetched once (kept a minute).
    const messages = (await conversationMessages(conversationId, "limit=10", member.headers)).body.messages;
    expect(messages.at(-1)).toMatchObject({ body: "Hi! Shall we book you in?", reply: { state: "sent" } });
    expect(highLevel().templates.requests).toHaveLength(1);
  });

  it("a template on another channel, or none with nothing typed, is bad input; the customer writing again reopens free text", async () => {
    const { conversationId, member } = await replyableConversation({ firstMessage: whatsApp(30) });
    const sms = await sendReply(conversationId, member.headers, {
      clientKey: "key-wa-4",
      channel: "sms",
      text: "x",
      templateId: "tpl-followup",
    });
    expect(sms.status).toBe(400);
    expect(JSON.stringify(sms.body)).toContain("templates are for WhatsApp replies only");
    const empty = await sendReply(conversationId, member.headers, {
      clientKey: "key-wa-5",
      channel: "whatsapp",
      text: " ",
    });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain("write something to send");

    const again = await postWebhook("highlevel", { ...whatsApp(0), messageId: "in-again" });
    expect(again.outcome?.status).toBe("processed");
    const { reply } = (await conversationDetail(conversationId, member.headers)).body;
    expect(reply.whatsapp?.open).toBe(true);
    const sent = await sendReply(conversationId, member.headers, {
      clientKey: "key-wa-6",
      channel: "whatsapp",
      text: "Hola",
    });
    expect(sent.status).toBe(201);
  });

  it("templates HighLevel will not give: the reason, not a 500; and only for people who may read the conversation", async () => {
    const { conversationId, member } = await replyableConversation({ firstMessage: whatsApp(48) });
    highLevel().templates.queue.push({ status: 403, body: { message: "The token is not authorized for this scope." } });
    expect(await templates(conversationId, member.headers)).toMatchObject({
      status: 502,
      body: { error: `Couldn't get the WhatsApp templates from HighLevel: ${TEMPLATES_SCOPE_MISSING}` },
    });
    const stranger = await createSignedInUser();
    expect((await templates(conversationId, stranger.headers)).status).toBe(404);
  });
});
