import type { TranscriptSentence } from "@/lib/providers/contract";
import { HOUR, recordingUrl, type DemoEvent } from "./demo-event";
import { Random } from "./random";
import { speechTranscript } from "./speech";

// What the demo's HighLevel customers say on the phone and what the front desk keeps about
// them: Voice AI call reports (summary, transcript, extracted data; most with their call
// message, a few alone), transcripts of the spoken recordings (speech.ts), notes, tasks and
// appointments. Derived from the generated events (same customers and conversations) with a random of its own, so
// the rest of the demo stays as it was.

const AI_CALLS = [
  {
    summary: "Caller wants to move her cleaning to next week.\nPrefers Tuesday mornings; will confirm by text.",
    transcript: [
      "bot: Thanks for calling Sunset Dental, this is the virtual assistant. How can I help?",
      "human: Hi, I need to move my cleaning, something came up at work.",
      "bot: No problem. Which day works best for you next week?",
      "human: Tuesday morning, if you have anything.",
      "bot: Tuesday at nine is open. I'll text you to confirm.",
    ],
    extractedData: { reason: "Reschedule cleaning", preferredDay: "Tuesday", preferredTime: "Morning" },
  },
  {
    summary: "New patient asking about whitening prices and insurance.\nBooked a free consultation.",
    transcript: [
      "bot: Sunset Dental, virtual assistant speaking. What can I do for you?",
      "human: How much is teeth whitening? And do you take Delta Dental?",
      "bot: In-office whitening starts at three hundred fifty dollars, and yes, we accept Delta Dental.",
      "human: Great, can I come in to talk about it?",
      "bot: I booked a free consultation for Thursday at four.",
    ],
    extractedData: { reason: "Whitening prices", insuranceProvider: "Delta Dental", newPatient: true },
  },
  {
    summary: "Caller reports a chipped molar, some pain when chewing.\nAsked for the earliest emergency slot.",
    transcript: [
      "bot: Thank you for calling Sunset Dental. How can I help today?",
      "human: I chipped a molar last night and it hurts when I chew.",
      "bot: I'm sorry to hear that. Is the pain constant or only when you bite?",
      "human: Only when I bite down on that side.",
      "bot: I'll flag this as urgent; the front desk will call you back within the hour.",
    ],
    extractedData: { reason: "Chipped molar", urgency: "High", painLevel: "Moderate" },
  },
];

const NOTES = [
  "Prefers texts over calls during work hours.",
  "Allergic to latex; use nitrile gloves.",
  "Asked for a payment plan for the implant; sent the brochure.",
  "Anxious patient: offer the headphones and explain each step.",
];
const TASKS = ["Call back about the insurance form", "Send the X-ray results", "Confirm the payment plan"];
const APPOINTMENTS = ["Cleaning", "Consultation", "Crown adjustment", "Whitening"];

export interface DemoTranscript {
  locationId: string;
  messageExternalId: string;
  sentences: TranscriptSentence[];
}

interface HighLevelThread {
  locationId: string;
  contactId: string;
  conversationId: string;
  lastAt: number;
}

function threadsOf(events: DemoEvent[]): HighLevelThread[] {
  const threads = new Map<string, HighLevelThread>();
  for (const { provider, payload } of events) {
    if (provider !== "highlevel" || typeof payload.conversationId !== "string") continue;
    const at = Date.parse(String(payload.dateAdded));
    const known = threads.get(payload.conversationId);
    if (!known)
      threads.set(payload.conversationId, {
        locationId: String(payload.locationId),
        contactId: String(payload.contactId),
        conversationId: payload.conversationId,
        lastAt: at,
      });
    else known.lastAt = Math.max(known.lastAt, at);
  }
  return [...threads.values()];
}

/** Voice AI reports, notes, tasks and appointments for the demo's HighLevel customers. */
export function callStoryEvents(events: DemoEvent[], now: number, seed: number): DemoEvent[] {
  const random = new Random(seed + 14);
  const stories: DemoEvent[] = [];
  // A customer whose call a scenario already reports (Lena Brooks's urgent one) gets no other.
  const reported = new Set(
    events.filter(({ payload }) => payload.type === "VoiceAiCallEnd").map(({ payload }) => payload.contactId),
  );
  threadsOf(events).forEach((thread, index) => {
    const { locationId, contactId, conversationId } = thread;
    const hl = (payload: Record<string, unknown>): DemoEvent => ({ provider: "highlevel", payload });
    if (index % 3 === 0 && !reported.has(contactId)) {
      const story = AI_CALLS[(index / 3) % AI_CALLS.length]!;
      const at = new Date(Math.min(thread.lastAt + HOUR, now - 5 * 60_000));
      const seconds = random.int(60, 150);
      // Most reports come with their call (and its recording); every fourth stands alone.
      const messageId = index % 4 === 3 ? undefined : random.id("msg-ai");
      if (messageId)
        stories.push(
          hl({
            type: "InboundMessage",
            locationId,
            contactId,
            conversationId,
            messageId,
            messageType: "CALL",
            direction: "inbound",
            status: "completed",
            callStatus: "completed",
            callDuration: seconds,
            dateAdded: at.toISOString(),
            attachments: [recordingUrl("recording", seconds, random.id(""))],
          }),
        );
      stories.push(
        hl({
          type: "VoiceAiCallEnd",
          id: random.id("vai"),
          locationId,
          agentId: "agent-front-desk",
          contactId,
          messageId,
          createdAt: at.toISOString(),
          duration: seconds,
          summary: story.summary,
          transcript: story.transcript.join("\n"),
          extractedData: story.extractedData,
          executedCallActions: [],
          trialCall: false,
        }),
      );
    }
    if (index % 2 === 0) {
      stories.push(
        hl({
          type: "NoteCreate",
          locationId,
          id: random.id("note"),
          contactId,
          body: random.pick(NOTES),
          dateAdded: new Date(thread.lastAt - 2 * HOUR).toISOString(),
        }),
      );
    }
    if (index % 3 !== 2) {
      stories.push(
        hl({
          type: "TaskCreate",
          locationId,
          id: random.id("task"),
          contactId,
          title: random.pick(TASKS),
          body: "",
          assignedTo: "user-ana",
          dateAdded: new Date(thread.lastAt - HOUR).toISOString(),
          dueDate: new Date(now + random.int(-2, 10) * 24 * HOUR).toISOString(),
        }),
      );
    }
    if (index % 2 === 1 || index % 3 === 0) {
      const id = random.id("appt");
      const booked = new Date(thread.lastAt - 30 * 60_000);
      const start = new Date(now + random.int(1, 21) * 24 * HOUR + random.int(9, 16) * HOUR);
      const appointment = {
        id,
        title: random.pick(APPOINTMENTS),
        calendarId: "cal-chair-1",
        contactId,
        appointmentStatus: "confirmed",
        address: "Sunset Dental, 1200 Ocean Dr, Miami",
        startTime: start.toISOString(),
        endTime: new Date(start.getTime() + HOUR).toISOString(),
        dateAdded: booked.toISOString(),
        dateUpdated: booked.toISOString(),
      };
      stories.push(hl({ type: "AppointmentCreate", locationId, appointment }));
      if (random.chance(0.4)) {
        const moved = new Date(start.getTime() + 2 * 24 * HOUR);
        const changed = new Date(Math.min(booked.getTime() + 3 * HOUR, now - 60_000)).toISOString();
        stories.push(
          hl({
            type: "AppointmentUpdate",
            locationId,
            appointment: {
              ...appointment,
              startTime: moved.toISOString(),
              endTime: new Date(moved.getTime() + HOUR).toISOString(),
              dateUpdated: changed,
            },
          }),
        );
      }
    }
  });
  return stories;
}

/**
 * Transcripts of the spoken recordings (voicemails, and the recorded calls given the spoken
 * call): what HighLevel's API would answer for them. Calls with tones have none.
 */
export function demoTranscripts(events: DemoEvent[]): DemoTranscript[] {
  const transcripts: DemoTranscript[] = [];
  for (const { provider, payload } of events) {
    if (provider !== "highlevel" || !Array.isArray(payload.attachments)) continue;
    const sentences = speechTranscript(String(payload.attachments[0]));
    if (!sentences) continue;
    transcripts.push({
      locationId: String(payload.locationId),
      messageExternalId: String(payload.messageId),
      sentences,
    });
  }
  return transcripts;
}
