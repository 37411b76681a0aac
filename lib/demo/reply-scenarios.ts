import { HOUR, type DemoCustomer, type DemoEvent } from "./demo-event";
import { Random } from "./random";
import { VoxityWriter } from "./voxity-writer";

// Customers who show what replying does beyond "Sent" (README "Replying"):
// - Hazel Ortiz opted out of SMS in HighLevel (Threadline has not heard): she called and nobody
//   answered; texting her back ends "Not delivered" with HighLevel's words. Her appointment
//   reminder came from a HighLevel workflow, so its bubble says "Workflow".
// - Daniel Kim wrote to a Voxity agent and is also a HighLevel contact (same phone): his Voxity
//   conversation, which Threadline cannot answer, offers "Reply via HighLevel".
// - Ivy Chen answered a promotion with STOP: Threadline itself holds SMS to her (lib/replies/
//   consent.ts). Not Hazel: a STOP Threadline knows of would stop her reply before HighLevel could
//   refuse it, and the demo would lose its "Not delivered" example.

const MINUTE = 60_000;
const LOCATION = "loc-demo-miami";

/** The demo contact the demo's stand-in for HighLevel refuses SMS to (highlevel-stand-in.ts). */
export const DEMO_OPTED_OUT_CONTACT = "ct-demo-opted-out";
/** A customer of both a HighLevel location and a Voxity agent, by the same phone number. */
export const DEMO_SHARED_PHONE = "+13055570002";
/** Ivy's conversation: her STOP needs no answer, so the demo marks it done (demo-done.ts). */
export const DEMO_STOP_CONVERSATION = "conv-demo-stop";

function contact(id: string, first: string, last: string, phone: string, at: number): DemoEvent {
  const email = `${first}.${last}@example.com`.toLowerCase();
  const time = new Date(at).toISOString();
  return {
    provider: "highlevel",
    payload: {
      type: "ContactCreate",
      locationId: LOCATION,
      id,
      firstName: first,
      lastName: last,
      email,
      phone,
      dateAdded: time,
      dateUpdated: time,
    },
  };
}

function message(contactId: string, conversationId: string, at: number, fields: Record<string, unknown>): DemoEvent {
  return {
    provider: "highlevel",
    payload: {
      type: fields.direction === "outbound" ? "OutboundMessage" : "InboundMessage",
      locationId: LOCATION,
      contactId,
      conversationId,
      messageId: `msg-${conversationId}-${at}`,
      dateAdded: new Date(at).toISOString(),
      ...fields,
    },
  };
}

export function replyScenarioEvents(now: number, seed: number): DemoEvent[] {
  const hazel = { id: DEMO_OPTED_OUT_CONTACT, conversation: "conv-demo-opted-out" };
  const daniel = { id: "ct-demo-shared-phone", conversation: "conv-demo-shared-phone" };
  const events: DemoEvent[] = [
    contact(hazel.id, "Hazel", "Ortiz", "+13055570001", now - 80 * HOUR),
    message(hazel.id, hazel.conversation, now - 72 * HOUR, {
      messageType: "SMS",
      direction: "outbound",
      status: "delivered",
      source: "workflow",
      body: "Reminder from Sunset Dental: your cleaning is on Thursday at 3 pm. Reply STOP to opt out.",
      contentType: "text/plain",
    }),
    message(hazel.id, hazel.conversation, now - 50 * MINUTE, {
      messageType: "CALL",
      direction: "inbound",
      status: "completed",
      callStatus: "no-answer",
      callDuration: 0,
      attachments: [],
    }),
    contact(daniel.id, "Daniel", "Kim", DEMO_SHARED_PHONE, now - 30 * 24 * HOUR),
    message(daniel.id, daniel.conversation, now - 20 * 24 * HOUR, {
      messageType: "SMS",
      direction: "inbound",
      body: "Hi, is the whitening offer still on?",
      contentType: "text/plain",
    }),
    message(daniel.id, daniel.conversation, now - 20 * 24 * HOUR + 15 * MINUTE, {
      messageType: "SMS",
      direction: "outbound",
      status: "delivered",
      source: "app",
      userId: "user-mark",
      userName: "Mark Lee",
      body: "It is, until the end of the month. Want me to book you in?",
      contentType: "text/plain",
    }),
  ];
  const ivy = { id: "ct-demo-stop", conversation: DEMO_STOP_CONVERSATION };
  events.push(
    contact(ivy.id, "Ivy", "Chen", "+13055570003", now - 10 * 24 * HOUR),
    message(ivy.id, ivy.conversation, now - 26 * HOUR, {
      messageType: "SMS",
      direction: "outbound",
      status: "delivered",
      source: "campaign",
      body: "Sunset Dental: 20% off whitening this month! Reply STOP to opt out.",
      contentType: "text/plain",
    }),
    message(ivy.id, ivy.conversation, now - 25 * HOUR, { messageType: "SMS", direction: "inbound", body: "STOP" }),
  );
  const voxityDaniel: DemoCustomer = {
    id: "cu-demo-shared-phone",
    first: "Daniel",
    last: "Kim",
    language: "en",
    phone: DEMO_SHARED_PHONE,
  };
  events.push(...new VoxityWriter(new Random(seed + 2), "agent-demo-luis").conversation(voxityDaniel, now, 3));
  return events;
}
