import { beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { getDraft, putDraft } from "@/lib/testing/drafts-api";
import { highLevelApiStubForFile } from "@/lib/testing/highlevel-api-hooks";
import { conversationDetail, conversationMessages } from "@/lib/testing/read-api";
import { customerMessage, REPLY_CONTACT, REPLY_LOCATION, replyableConversation } from "@/lib/testing/reply-fixtures";
import { runJobs, sendReply } from "@/lib/testing/replies-api";
import { postWebhook } from "@/lib/testing/webhooks";

// Do not disturb, through the real webhook, read and send routes against HighLevel's stand-in:
// a customer who texted STOP, or whose DND HighLevel reports on, cannot be written to on that
// channel. The composer's options and the read API say why before anyone types, the send route
// refuses with the same words (nothing stored, nothing sent, the draft kept), events apply in
// HighLevel's time order, and the send job checks again just before it calls HighLevel.

const highLevel = highLevelApiStubForFile();
beforeEach(resetDatabase);

const detail = async (conversationId: string, headers: Record<string, string>) =>
  (await conversationDetail(conversationId, headers)).body;

async function stored() {
  const prisma = await getPrisma();
  return {
    messages: await prisma.message.count(),
    replies: await prisma.reply.count(),
    jobs: await prisma.job.count(),
  };
}

/** A contact webhook for the reply fixture's customer, at HighLevel's time `at`. */
const contactEvent = (type: string, at: string, fields: Record<string, unknown>) =>
  postWebhook("highlevel", { type, locationId: REPLY_LOCATION, id: REPLY_CONTACT, dateUpdated: at, ...fields });

describe("a customer who texted STOP", () => {
  it("is shown opted out of SMS before anyone types; Send is refused with the same words, nothing sent, the draft kept; START lets SMS go again", async () => {
    const { conversationId, member } = await replyableConversation();
    const stop = customerMessage({ messageId: "in-stop", body: " Stop. ", dateAdded: "2024-12-04T15:00:00.000Z" });
    expect((await postWebhook("highlevel", stop)).outcome?.status).toBe("processed");

    const reason = "This customer has opted out of SMS (texted STOP on 4 Dec 2024)";
    const before = await detail(conversationId, member.headers);
    expect(before.customer?.consent.sms).toEqual({ allowed: false, reason, since: "2024-12-04T15:00:00.000Z" });
    expect(before.customer?.consent.email).toEqual({ allowed: true, reason: null, since: null });
    // The composer still lists SMS (disabled, with why) and starts on a channel that may be used.
    expect(before.reply).toMatchObject({ blocked: null, unavailable: { sms: reason }, defaultChannel: "email" });
    expect(before.reply.channels).toEqual(["sms", "email"]);

    const text = "Your appointment is confirmed";
    expect((await putDraft(conversationId, member.headers, { text, channel: "sms" })).status).toBe(200);
    const counts = await stored();
    const refused = await sendReply(conversationId, member.headers, { clientKey: "key-stop-1", channel: "sms", text });
    expect(refused).toMatchObject({ status: 409, body: { error: reason } });
    await runJobs();
    expect(highLevel().seen).toEqual([]);
    expect(await stored()).toEqual(counts);
    expect((await getDraft(conversationId, member.headers)).body).toMatchObject({ draft: { text } });
    // Opting out of SMS is not opting out of email.
    const email = await sendReply(conversationId, member.headers, { clientKey: "key-stop-2", channel: "email", text });
    expect(email.status).toBe(201);

    // A STOP written in a longer message is a message, not an opt-out; START is.
    await postWebhook("highlevel", customerMessage({ messageId: "in-2", body: "stop texting me at night please" }));
    expect((await detail(conversationId, member.headers)).customer?.consent.sms.allowed).toBe(false);
    const start = customerMessage({ messageId: "in-start", body: "START", dateAdded: "2024-12-05T09:00:00.000Z" });
    await postWebhook("highlevel", start);
    const after = await detail(conversationId, member.headers);
    expect(after.customer?.consent.sms).toEqual({ allowed: true, reason: null, since: "2024-12-05T09:00:00.000Z" });
    expect(after.reply.unavailable).toEqual({});
    expect(
      (await sendReply(conversationId, member.headers, { clientKey: "key-stop-3", channel: "sms", text })).status,
    ).toBe(201);
  });

  it("BAJA and CANCELAR opt out too; a STOP that arrives after a later START does not undo it", async () => {
    const { conversationId, member } = await replyableConversation();
    await postWebhook(
      "highlevel",
      customerMessage({ messageId: "in-baja", body: "BAJA", dateAdded: "2024-11-01T10:00:00Z" }),
    );
    expect((await detail(conversationId, member.headers)).reply.unavailable.sms).toBe(
      "This customer has opted out of SMS (texted BAJA on 1 Nov 2024)",
    );
    await postWebhook(
      "highlevel",
      customerMessage({ messageId: "in-alta", body: "Alta", dateAdded: "2024-11-03T10:00:00Z" }),
    );
    // Delivered late: written before ALTA, so ALTA stands.
    const late = customerMessage({ messageId: "in-cancelar", body: "cancelar", dateAdded: "2024-11-02T10:00:00Z" });
    expect((await postWebhook("highlevel", late)).outcome?.status).toBe("processed");
    expect((await detail(conversationId, member.headers)).customer?.consent.sms).toMatchObject({ allowed: true });
  });
});

describe("HighLevel's Do Not Disturb", () => {
  it("blocks per channel in HighLevel's time order; DND on every channel blocks the composer; lifting DND never lifts a STOP", async () => {
    const { conversationId, member } = await replyableConversation();
    const smsOn = { SMS: { status: "active", message: "Updated by user", code: "101" }, Email: { status: "inactive" } };
    expect(
      (await contactEvent("ContactDndUpdate", "2024-12-10T10:00:00Z", { dndSettings: smsOn })).outcome?.status,
    ).toBe("processed");
    const smsDnd = "Do Not Disturb is on for SMS for this customer in HighLevel (since 10 Dec 2024)";
    let body = await detail(conversationId, member.headers);
    expect(body.customer?.consent.sms).toEqual({ allowed: false, reason: smsDnd, since: "2024-12-10T10:00:00.000Z" });
    expect(body.customer?.consent.email).toEqual({ allowed: true, reason: null, since: "2024-12-10T10:00:00.000Z" });

    // An older update delivered late does not undo the newer DND.
    await contactEvent("ContactUpdate", "2024-12-09T10:00:00Z", { dndSettings: { SMS: { status: "inactive" } } });
    body = await detail(conversationId, member.headers);
    expect(body.reply.unavailable).toEqual({ sms: smsDnd });
    const text = "Hello";
    expect(
      await sendReply(conversationId, member.headers, { clientKey: "key-dnd-1", channel: "sms", text }),
    ).toMatchObject({
      status: 409,
      body: { error: smsDnd },
    });

    // DND on every channel (a newer ContactUpdate): nothing may be sent, and the composer says so.
    await contactEvent("ContactUpdate", "2024-12-12T10:00:00Z", { dnd: true });
    body = await detail(conversationId, member.headers);
    const everything = "Do Not Disturb is on for every channel for this customer in HighLevel (since 12 Dec 2024)";
    expect(body.reply.blocked?.reason).toBe(`${smsDnd}; ${everything}`);
    expect(body.reply.defaultChannel).toBeNull();
    expect(
      await sendReply(conversationId, member.headers, { clientKey: "key-dnd-2", channel: "email", text }),
    ).toMatchObject({
      status: 409,
      body: { error: everything },
    });

    // A ContactDndUpdate without `dnd` means it is off (HighLevel's docs); SMS's own DND goes off too.
    await contactEvent("ContactDndUpdate", "2024-12-13T10:00:00Z", { dndSettings: { SMS: { status: "inactive" } } });
    body = await detail(conversationId, member.headers);
    expect(body.reply).toMatchObject({ blocked: null, unavailable: {} });

    // The customer's STOP stands even when HighLevel later reports SMS's DND off.
    await postWebhook(
      "highlevel",
      customerMessage({ messageId: "in-s", body: "STOP", dateAdded: "2024-12-14T10:00:00Z" }),
    );
    await contactEvent("ContactDndUpdate", "2024-12-15T10:00:00Z", { dndSettings: { SMS: { status: "inactive" } } });
    expect((await detail(conversationId, member.headers)).reply.unavailable).toEqual({
      sms: "This customer has opted out of SMS (texted STOP on 14 Dec 2024)",
    });
    await runJobs();
    expect(highLevel().seen).toEqual([]);
  });

  it("turned on after Send but before the job ran: the job does not call HighLevel, the reply is Not delivered with why", async () => {
    const { conversationId, member } = await replyableConversation();
    const sent = await sendReply(conversationId, member.headers, {
      clientKey: "key-late-1",
      channel: "sms",
      text: "Hi",
    });
    expect(sent.status).toBe(201);
    const at = new Date().toISOString();
    await contactEvent("ContactDndUpdate", at, { dndSettings: { SMS: { status: "permanent" } } });
    await runJobs();
    expect(highLevel().seen).toEqual([]);
    const [, last] = (await conversationMessages(conversationId, "limit=10", member.headers)).body.messages;
    expect(last?.reply).toMatchObject({
      state: "not_delivered",
      error: expect.stringMatching(/^Do Not Disturb is on for SMS for this customer in HighLevel \(permanent, since /),
    });
  });
});
