import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

// What the e2e suite posts through the real webhook endpoints, and what each conversation is,
// written down by hand so the tests compare the page against facts, not against the API.

export type Channel =
  | "sms"
  | "call"
  | "voicemail"
  | "email"
  | "facebook"
  | "instagram"
  | "gmb"
  | "live_chat"
  | "whatsapp";
export type Direction = "inbound" | "outbound";

export interface Seeded {
  label: string;
  kinds: Array<`${Channel}:${Direction}`>;
}

const FIXTURES = path.resolve(process.cwd(), "test", "fixtures", "webhooks");

export function fixtures(): Array<{ provider: "highlevel" | "voxity"; payload: Record<string, unknown> }> {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({
      provider: name.startsWith("voxity") ? "voxity" : "highlevel",
      payload: JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")),
    }));
}

/** Names for the fixtures' HighLevel contacts (their message events carry only a contactId). */
export const FIXTURE_CONTACTS = [
  { locationId: "l1C08ntBrFjLS0elLIYU", id: "cI08i1Bls3iTB9bKgFJh", firstName: "Sam", lastName: "Sms" },
  { locationId: "0d48aEf7q67DAu134bpy", id: "gblakL5aYQC4glDtP1r2t3", firstName: "Carla", lastName: "Call" },
  { locationId: "0dalah57827q67DAuXUxbpy", id: "gb7laj5aYQC4glDtP1r5", firstName: "Vera", lastName: "Voicemail" },
  { locationId: "0d48aEf7q67DAuXUxbpy", id: "gb7xwL5aYQC4glDtP1r5", firstName: "Drew", lastName: "Drop" },
  { locationId: "kF4NJ5gzRyQF2gKFD34G", id: "3bN9f8LYJFG8F232XMUbfq", firstName: "Emma", lastName: "Email" },
];

export const HOSTILE_EMAIL_HTML = [
  "<p>Hello from Hank, totally normal email.</p>",
  "<script>window.top.__xss = 'script'; alert('script')</script>",
  "<img src=x onerror=\"window.top.__xss='onerror';alert('onerror')\">",
  "<a href=\"javascript:window.top.__xss='link'\" id=evil>click me</a>",
  "<svg onload=\"window.top.__xss='svg'\"></svg>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<img src="https://tracker.invalid/pixel.gif" alt="tracking pixel">',
  '<div class="gmail_quote">On Monday Hank wrote:<blockquote>the quoted part</blockquote></div>',
].join("");

const LOCATION = "loc-e2e";
const at = (day: number, hour: number) => new Date(Date.UTC(2025, 8, day, hour)).toISOString();

function contact(id: string, firstName: string, lastName: string) {
  return {
    type: "ContactCreate",
    locationId: LOCATION,
    id,
    firstName,
    lastName,
    email: `${firstName.toLowerCase()}@example.com`,
    phone: "+14155550123",
    tags: ["e2e"],
  };
}

/** A HighLevel message in a location, inbound unless `fields` say otherwise; one conversation per contact. */
export function locationMessage(locationId: string, id: string, contactId: string, fields: Record<string, unknown>) {
  return {
    type: "InboundMessage",
    locationId,
    contactId,
    conversationId: `conv-${contactId}`,
    messageId: id,
    direction: "inbound",
    ...fields,
  };
}

const message = (id: string, contactId: string, fields: Record<string, unknown>) =>
  locationMessage(LOCATION, id, contactId, fields);

/** Extra conversations: every channel the fixtures lack, real recordings, hostile and failed messages. */
export function extraEvents(): Array<Record<string, unknown>> {
  return [
    contact("fb", "Fiona", "Facebook"),
    message("fb-1", "fb", {
      messageType: "FB",
      body: "Do you open on Saturdays? https://example.com/hours",
      dateAdded: at(1, 10),
    }),
    contact("ig", "Ivan", "Instagram"),
    message("ig-1", "ig", {
      messageType: "TYPE_INSTAGRAM",
      direction: "outbound",
      body: "Thanks for the follow!",
      dateAdded: at(2, 10),
    }),
    contact("gmb", "Greta", "Google"),
    message("gmb-1", "gmb", { messageType: "GMB", body: "Is parking available?", dateAdded: at(3, 10) }),
    contact("lc", "Liam", "Livechat"),
    message("lc-1", "lc", {
      messageType: "Live Chat",
      body: "Hi, I have a question about whitening",
      dateAdded: at(4, 10),
    }),
    message("lc-2", "lc", {
      messageType: "Live Chat",
      direction: "outbound",
      body: "Sure, ask away",
      dateAdded: at(4, 11),
    }),
    contact("wa", "Wendy", "Whatsapp"),
    message("wa-1", "wa", {
      messageType: "WhatsApp",
      direction: "outbound",
      body: "Your appointment is confirmed",
      dateAdded: at(5, 10),
    }),
    contact("rec", "Rita", "Recording"),
    message("rec-1", "rec", {
      messageType: "CALL",
      direction: "outbound",
      status: "completed",
      callStatus: "completed",
      callDuration: 6,
      // App-relative, as the demo writes them: /api/demo-media answers signed-in viewers only,
      // so the media route could not fetch it from itself over HTTP (it serves these in-process).
      attachments: ["/api/demo-media/recording-6s-rita.wav"],
      dateAdded: at(6, 10),
    }),
    contact("vm", "Victor", "Voicemail"),
    message("vm-1", "vm", {
      messageType: "CALL",
      status: "voicemail",
      callDuration: 5,
      attachments: ["/api/demo-media/voicemail-5s-victor.wav"],
      dateAdded: at(7, 10),
    }),
    contact("hk", "Hank", "Hostile"),
    message("hk-1", "hk", {
      messageType: "Email",
      subject: "Quarterly update",
      from: "Hank <hank@example.com>",
      to: "front@clinic.example, billing@clinic.example",
      body: HOSTILE_EMAIL_HTML,
      dateAdded: at(8, 10),
    }),
    contact("ff", "Fred", "Failed"),
    message("ff-1", "ff", {
      messageType: "SMS",
      direction: "outbound",
      status: "failed",
      body: "Reminder: your cleaning is tomorrow",
      dateAdded: at(9, 10),
    }),
  ];
}

/** Every seeded conversation: its list label and which channel:direction messages it holds. */
export const SEEDED: Seeded[] = [
  { label: "Sam Sms", kinds: ["sms:inbound"] },
  { label: "Carla Call", kinds: ["call:inbound", "call:outbound"] },
  { label: "Vera Voicemail", kinds: ["call:inbound", "voicemail:inbound"] },
  { label: "Drew Drop", kinds: ["voicemail:outbound"] },
  { label: "Emma Email", kinds: ["email:inbound", "email:outbound"] },
  { label: "S*** G***", kinds: ["sms:outbound"] },
  { label: "Fiona Facebook", kinds: ["facebook:inbound"] },
  { label: "Ivan Instagram", kinds: ["instagram:outbound"] },
  { label: "Greta Google", kinds: ["gmb:inbound"] },
  { label: "Liam Livechat", kinds: ["live_chat:inbound", "live_chat:outbound"] },
  { label: "Wendy Whatsapp", kinds: ["whatsapp:outbound"] },
  { label: "Rita Recording", kinds: ["call:outbound"] },
  { label: "Victor Voicemail", kinds: ["call:inbound", "voicemail:inbound"] },
  { label: "Hank Hostile", kinds: ["email:inbound"] },
  { label: "Fred Failed", kinds: ["sms:outbound"] },
];

export function expectedLabels(channels: Channel[], direction: Direction | null): string[] {
  return SEEDED.filter((conversation) =>
    conversation.kinds.some((kind) => {
      const [channel, dir] = kind.split(":") as [Channel, Direction];
      return (channels.length === 0 || channels.includes(channel)) && (!direction || dir === direction);
    }),
  )
    .map((conversation) => conversation.label)
    .sort();
}
