import { HOUR, type DemoCustomer, type DemoEvent } from "./demo-event";
import { voicemailSpeech } from "./speech";

/** What the scenarios need of the demo's HighLevel writer (generate.ts), without importing it back. */
interface Writer {
  readonly locationId: string;
  contact(c: DemoCustomer, type: "ContactCreate", at: Date): DemoEvent;
  message(
    c: DemoCustomer,
    conversationId: string,
    messageType: string,
    direction: "inbound" | "outbound",
    at: Date,
    extra: Record<string, unknown>,
  ): DemoEvent;
}

// Named customers whose conversations give each triage view (README "Triage views") something to
// show, whatever the random rest of the demo happens to hold: waiting for a reply, a voicemail and
// a missed call nobody returned, one texted back, an urgent Voice AI call that promised a
// callback within the hour (Lena Brooks, who also texted), a "Thanks, see you then 👍" that only
// closes the exchange, and a few the team has finished with (marked done once the worker has
// ingested them: see demo-done.ts). docs/triage-rules.md says what puts each where.

const MINUTE = 60_000;

function person(id: string, first: string, last: string, index: number): DemoCustomer {
  return { id: `ct-triage-${id}`, first, last, language: "en", phone: `+1305556${String(index).padStart(4, "0")}` };
}

/** The conversations of the scenario customers who are done (their HighLevel conversation ids). */
export const DEMO_DONE_CONVERSATIONS = ["conv-triage-done-1", "conv-triage-done-2", "conv-triage-done-3"];

/** Lena's call as HighLevel's Voice AI reports it: urgent, and a callback promised within the hour. */
function voiceAiReport(locationId: string, c: DemoCustomer, messageId: string, at: Date): DemoEvent {
  return {
    provider: "highlevel",
    payload: {
      type: "VoiceAiCallEnd",
      id: `vai-triage-${c.id}`,
      locationId,
      agentId: "agent-front-desk",
      contactId: c.id,
      messageId,
      createdAt: at.toISOString(),
      duration: 94,
      summary: "Caller's crown came loose and it hurts to chew.\nFlagged urgent; the front desk will call her back.",
      transcript: [
        "bot: Thanks for calling Sunset Dental, this is the virtual assistant. How can I help?",
        "human: My crown came loose this morning and it hurts when I chew.",
        "bot: I'm sorry. I'll flag this as urgent; the front desk will call you back within the hour.",
      ].join("\n"),
      extractedData: { reason: "Loose crown", urgency: "High", painLevel: "Moderate" },
      executedCallActions: [],
      trialCall: false,
    },
  };
}

export function triageScenarioEvents(writer: Writer, now: number): DemoEvent[] {
  const events: DemoEvent[] = [];
  const add = (c: DemoCustomer, build: (conversationId: string) => DemoEvent[]) => {
    events.push(writer.contact(c, "ContactCreate", new Date(now - 48 * HOUR)));
    events.push(...build(`conv-triage-${c.id.slice("ct-triage-".length)}`));
  };
  const sms = (c: DemoCustomer, id: string, direction: "inbound" | "outbound", ago: number, body: string) =>
    writer.message(c, id, "SMS", direction, new Date(now - ago), { body, contentType: "text/plain" });
  const missedCall = (c: DemoCustomer, id: string, ago: number, leftVoicemail: boolean) => {
    // A voicemail says something (and has its transcript): a spoken recording, as long as the call.
    const voicemail = leftVoicemail ? voicemailSpeech("inbound", c.language, id) : null;
    return writer.message(c, id, "CALL", "inbound", new Date(now - ago), {
      status: voicemail ? "voicemail" : "completed",
      callStatus: voicemail ? "voicemail" : "no-answer",
      callDuration: voicemail?.seconds ?? 0,
      attachments: voicemail ? [voicemail.url] : [],
    });
  };

  // Needs reply: the customer wrote last; oldest wait first.
  const waiting1 = person("waiting-1", "Grace", "Holloway", 1);
  add(waiting1, (id) => [
    sms(waiting1, id, "outbound", 26 * HOUR, "Your cleaning is on Friday at 10."),
    sms(waiting1, id, "inbound", 5 * HOUR, "Can I move it to Monday instead?"),
  ]);
  const waiting2 = person("waiting-2", "Owen", "Park", 2);
  add(waiting2, (id) => [
    sms(waiting2, id, "inbound", 3 * HOUR, "Do you take Delta Dental?"),
    sms(waiting2, id, "inbound", 3 * HOUR - 2 * MINUTE, "And is there parking?"),
  ]);
  // Lena called first: the AI agent took it, marked it urgent and promised a callback within the
  // hour, which is overdue by now (Callbacks, "Urgent"); then she texted (Needs reply).
  const waiting3 = person("waiting-3", "Lena", "Brooks", 3);
  add(waiting3, (id) => {
    const call = writer.message(waiting3, id, "CALL", "inbound", new Date(now - 75 * MINUTE), {
      status: "completed",
      callStatus: "completed",
      callDuration: 94,
    });
    return [
      call,
      voiceAiReport(writer.locationId, waiting3, String(call.payload.messageId), new Date(now - 75 * MINUTE)),
      sms(waiting3, id, "inbound", 40 * MINUTE, "My crown came loose, can someone see me today?"),
    ];
  });

  // Closed by the customer: our confirmation, then their thanks (not waiting for a reply).
  const closing = person("closing", "Hannah", "Cole", 10);
  add(closing, (id) => [
    sms(closing, id, "inbound", 18 * 24 * HOUR + 30 * MINUTE, "Can I come in Thursday at 3?"),
    sms(closing, id, "outbound", 18 * 24 * HOUR + 20 * MINUTE, "Thursday at 3 is booked for you."),
    sms(closing, id, "inbound", 18 * 24 * HOUR, "Thanks, see you then 👍"),
  ]);

  // Callbacks: a voicemail and a missed call nobody returned, and one missed call texted back.
  const voicemail = person("voicemail", "Marcus", "Reed", 4);
  add(voicemail, (id) => [missedCall(voicemail, id, 2 * HOUR, true)]);
  const missed = person("missed", "Nora", "Quinn", 5);
  add(missed, (id) => [missedCall(missed, id, 7 * HOUR, false)]);
  const textedBack = person("texted", "Victor", "Shaw", 6);
  add(textedBack, (id) => [
    missedCall(textedBack, id, 4 * HOUR, true),
    sms(textedBack, id, "outbound", 4 * HOUR - 3 * MINUTE, "Sorry we missed your call! We'll ring you back shortly."),
  ]);

  // Done: answered and finished with (marked done after ingestion).
  for (const [index, [first, last]] of [
    ["Iris", "Bennett"],
    ["Paul", "Meyer"],
    ["Rosa", "Field"],
  ].entries()) {
    const c = person(`done-${index + 1}`, first!, last!, 7 + index);
    add(c, (id) => [
      sms(c, id, "inbound", (30 - index) * HOUR, "Thanks, see you then!"),
      sms(c, id, "outbound", (30 - index) * HOUR - 10 * MINUTE, "You're welcome, see you soon."),
    ]);
  }
  return events;
}
