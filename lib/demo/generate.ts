import {
  DEALS,
  EMAIL_SUBJECTS,
  INBOUND_TEXT,
  LEAD_SOURCES,
  OUTBOUND_TEXT,
  OWNERS,
  PIPELINE,
  STAGES,
  emailHtml,
} from "./content";
import { Random } from "./random";
import { DEMO_HIGHLEVEL_LOCATIONS } from "@/lib/demo-mode";
import { demoCustomer, HOUR, recordingUrl, type DemoCustomer, type DemoEvent } from "./demo-event";
import { triageScenarioEvents } from "./triage-scenarios";
import { VoxityWriter } from "./voxity-writer";
import { callStoryEvents } from "./call-stories";
import { replyScenarioEvents } from "./reply-scenarios";
import { nameScenarioEvents } from "./name-scenarios";
import { callSpeech, voicemailSpeech } from "./speech";

export type { DemoCustomer, DemoEvent } from "./demo-event";
export { VoxityWriter } from "./voxity-writer";

// The demo inbox as a list of provider webhooks. Deterministic for a seed; times are laid out
// back from `now`, so the demo always looks recent.

export const DEMO_SEED = 20261123;
const VOXITY_AGENTS = ["agent-demo-ana", "agent-demo-luis"];
const HL_CHANNELS = ["SMS", "SMS", "SMS", "CALL", "Email", "FB", "IG", "GMB", "Live Chat", "WhatsApp"] as const;
const HL_OUTBOUND_USERS = [
  { id: "user-ana", name: "Ana Ruiz" },
  { id: "user-mark", name: "Mark Lee" },
];

export class HighLevelWriter {
  private recordedCalls = 0;

  constructor(
    private random: Random,
    readonly locationId: string,
  ) {}

  contact(c: DemoCustomer, type: "ContactCreate" | "ContactUpdate" = "ContactCreate", at = new Date()) {
    return {
      provider: "highlevel" as const,
      payload: {
        type,
        locationId: this.locationId,
        id: c.id,
        firstName: c.first,
        lastName: c.last,
        email: `${c.first}.${c.last}@example.com`
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, "")
          .toLowerCase(),
        phone: c.phone,
        tags: this.random.chance(0.3) ? ["vip"] : [c.language === "es" ? "español" : "english"],
        source: this.random.pick(LEAD_SOURCES),
        dnd: this.random.chance(0.05),
        dateAdded: at.toISOString(),
        dateUpdated: at.toISOString(),
      },
    };
  }

  message(
    c: DemoCustomer,
    conversationId: string,
    messageType: string,
    direction: "inbound" | "outbound",
    at: Date,
    extra: Record<string, unknown> = {},
  ): DemoEvent {
    const user = this.random.pick(HL_OUTBOUND_USERS);
    return {
      provider: "highlevel",
      payload: {
        type: direction === "inbound" ? "InboundMessage" : "OutboundMessage",
        locationId: this.locationId,
        contactId: c.id,
        conversationId,
        messageId: this.random.id("msg"),
        messageType,
        direction,
        dateAdded: at.toISOString(),
        status: direction === "inbound" ? "delivered" : "sent",
        ...(direction === "outbound" ? { userId: user.id, userName: user.name } : {}),
        ...extra,
      },
    };
  }

  text(
    c: DemoCustomer,
    conversationId: string,
    messageType: string,
    direction: "inbound" | "outbound",
    at: Date,
  ): DemoEvent {
    const pool = direction === "inbound" ? INBOUND_TEXT[c.language] : OUTBOUND_TEXT[c.language];
    const failed = direction === "outbound" && messageType === "SMS" && this.random.chance(0.06);
    return this.message(c, conversationId, messageType, direction, at, {
      body: this.random.pick(pool).replace("{name}", c.first),
      contentType: "text/plain",
      ...(failed ? { status: this.random.pick(["failed", "undelivered"]) } : {}),
      ...(messageType === "SMS" && this.random.chance(0.04) ? { attachments: ["/api/demo-media/xray-photo.png"] } : {}),
    });
  }

  call(c: DemoCustomer, conversationId: string, direction: "inbound" | "outbound", at: Date): DemoEvent {
    const outcome = this.random.pick(["completed", "completed", "no-answer", "voicemail", "busy"]);
    const seconds =
      outcome === "completed" ? this.random.int(35, 240) : outcome === "voicemail" ? this.random.int(12, 40) : 0;
    const key = this.random.id("");
    // Voicemails, and every other recorded call of an English speaker, say something (with a
    // transcript: call-stories.ts); the other recordings are tones. Each lasts as long as the
    // call it records (the demo's calls last at most 4 minutes), so a spoken one sets the duration.
    const spoken =
      outcome === "voicemail"
        ? voicemailSpeech(direction, c.language, key)
        : outcome === "completed" && c.language === "en" && this.recordedCalls++ % 2 === 0
          ? callSpeech()
          : null;
    const attachments = spoken
      ? [spoken.url]
      : outcome === "completed"
        ? [recordingUrl("recording", seconds, key)]
        : [];
    return this.message(c, conversationId, "CALL", direction, at, {
      status: outcome === "voicemail" && direction === "inbound" ? "voicemail" : "completed",
      callStatus: outcome,
      callDuration: spoken?.seconds ?? seconds,
      attachments,
    });
  }

  emailThread(c: DemoCustomer, conversationId: string, start: Date): DemoEvent[] {
    const subject = this.random.pick(EMAIL_SUBJECTS[c.language]);
    const threadId = this.random.id("th");
    const events: DemoEvent[] = [];
    let quoted: string | null = null;
    for (let i = 0; i < 3; i++) {
      const direction = i % 2 === 0 ? "outbound" : "inbound";
      const html = emailHtml(c.language, c.first, subject, quoted);
      const address = `${c.first.toLowerCase()}@example.com`.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      const sentAt = Math.min(start.getTime() + i * 5 * HOUR, Date.now() - (3 - i) * 60_000);
      events.push(
        this.message(c, conversationId, "Email", direction, new Date(sentAt), {
          subject: i === 0 ? subject : `Re: ${subject}`,
          body: html,
          threadId,
          emailMessageId: this.random.id("em"),
          from:
            direction === "outbound"
              ? "Sunset Dental <front@sunsetdental.example>"
              : `${c.first} ${c.last} <${address}>`,
          to: direction === "outbound" ? address : "front@sunsetdental.example",
          ...(i === 2 ? { cc: "billing@sunsetdental.example, dr.ruiz@sunsetdental.example" } : {}),
        }),
      );
      quoted = html;
    }
    return events;
  }

  opportunity(c: DemoCustomer, at: Date): DemoEvent[] {
    const id = this.random.id("opp");
    const base = {
      locationId: this.locationId,
      id,
      contactId: c.id,
      name: `${this.random.pick(DEALS)} - ${c.first} ${c.last}`,
      pipelineId: PIPELINE.id,
      pipelineName: PIPELINE.name,
      monetaryValue: this.random.int(3, 60) * 100,
    };
    const owner = this.random.pick(OWNERS);
    const stage = this.random.int(0, STAGES.length - 1);
    const events: DemoEvent[] = [
      {
        provider: "highlevel",
        payload: {
          ...base,
          type: "OpportunityCreate",
          status: "open",
          pipelineStageId: STAGES[0]!.id,
          pipelineStageName: STAGES[0]!.name,
          dateAdded: at.toISOString(),
        },
      },
    ];
    if (stage > 0)
      events.push({
        provider: "highlevel",
        payload: {
          ...base,
          type: "OpportunityStageUpdate",
          status: "open",
          pipelineStageId: STAGES[stage]!.id,
          pipelineStageName: STAGES[stage]!.name,
          assignedTo: owner.id,
          assignedToName: owner.name,
          dateUpdated: new Date(at.getTime() + HOUR).toISOString(),
        },
      });
    if (this.random.chance(0.25)) {
      const status = this.random.pick(["won", "lost"]);
      events.push({
        provider: "highlevel",
        payload: {
          ...base,
          type: "OpportunityStatusUpdate",
          status,
          pipelineStageId: STAGES[stage]!.id,
          pipelineStageName: STAGES[stage]!.name,
          assignedTo: owner.id,
          assignedToName: owner.name,
          dateUpdated: new Date(at.getTime() + 2 * HOUR).toISOString(),
        },
      });
    }
    return events;
  }
}

function highLevelCustomerEvents(
  writer: HighLevelWriter,
  random: Random,
  c: DemoCustomer,
  now: number,
  long: boolean,
): DemoEvent[] {
  const events: DemoEvent[] = [];
  const conversationId = random.id("conv");
  let at = now - random.int(2, 30 * 24) * HOUR - (long ? 300 * 45 * 60_000 : 0);
  events.push(writer.contact(c, "ContactCreate", new Date(at - HOUR)));
  const primary = random.pick(HL_CHANNELS);
  const count = long ? random.int(180, 320) : random.int(3, 10);
  for (let i = 0; i < count; i++) {
    at += random.int(5, long ? 90 : 600) * 60_000;
    if (at > now) at = now - random.int(1, 60) * 60_000;
    const direction = random.chance(0.5) ? "inbound" : "outbound";
    const channel = random.chance(0.7) ? primary : random.pick(HL_CHANNELS);
    if (channel === "CALL") events.push(writer.call(c, conversationId, direction, new Date(at)));
    else if (channel === "Email") {
      events.push(...writer.emailThread(c, conversationId, new Date(at)));
      i += 2;
    } else events.push(writer.text(c, conversationId, channel, direction, new Date(at)));
  }
  if (random.chance(0.15)) {
    const spoken = voicemailSpeech("outbound", c.language, random.id(""));
    events.push(
      writer.message(c, conversationId, "VoiceMail", "outbound", new Date(at + 60_000), {
        status: "completed",
        callDuration: spoken.seconds,
        attachments: [spoken.url],
      }),
    );
  }
  if (random.chance(0.6)) events.push(...writer.opportunity(c, new Date(at - 3 * HOUR)));
  return events;
}

/** About 60 customers across both providers, every channel, both directions, English and Spanish. */
export function generateDemoEvents(now = Date.now(), seed = DEMO_SEED): DemoEvent[] {
  const random = new Random(seed);
  const events: DemoEvent[] = [];
  let index = 0;
  for (const locationId of DEMO_HIGHLEVEL_LOCATIONS) {
    const writer = new HighLevelWriter(random, locationId);
    for (let i = 0; i < 20; i++)
      events.push(...highLevelCustomerEvents(writer, random, demoCustomer(random, index++), now, i === 0));
  }
  // After the random customers (their own random draws stay as they were): something in every triage view.
  events.push(...triageScenarioEvents(new HighLevelWriter(new Random(seed + 1), DEMO_HIGHLEVEL_LOCATIONS[0]!), now));
  for (const agentId of VOXITY_AGENTS) {
    const writer = new VoxityWriter(random, agentId);
    for (let i = 0; i < 10; i++)
      events.push(...writer.conversation(demoCustomer(random, index++), now, i === 0 ? 240 : random.int(2, 6)));
  }
  // Calls with summaries and transcripts, notes, tasks and appointments of the HighLevel customers;
  // then replying beyond "Sent" (reply-scenarios.ts): an opted-out customer, one on Voxity and HighLevel.
  events.push(...callStoryEvents(events, now, seed), ...replyScenarioEvents(now, seed));
  // Business names for the locations, two teammates called Ana (name-scenarios.ts).
  events.push(...nameScenarioEvents(now));
  return events;
}
