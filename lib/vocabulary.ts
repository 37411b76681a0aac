import { z } from "zod";

export const CHANNELS = [
  "sms",
  "call",
  "voicemail",
  "email",
  "facebook",
  "instagram",
  "gmb",
  "live_chat",
  "whatsapp",
  "other",
] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

export const DIRECTIONS = ["inbound", "outbound"] as const;
export const directionSchema = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof directionSchema>;

export const CALL_OUTCOMES = [
  "answered",
  "voicemail",
  "no_answer",
  "busy",
  "failed",
  "in_progress",
  "unknown",
] as const;
export const callOutcomeSchema = z.enum(CALL_OUTCOMES);
export type CallOutcome = z.infer<typeof callOutcomeSchema>;

/**
 * How a call ended, in the one set of words the list preview, the thread and the filters use:
 * answered, missed, busy, voicemail, failed ("" says nothing). The stored values stay as they are
 * (no_answer is shown as "Missed").
 */
export const CALL_OUTCOME_LABELS: Record<CallOutcome, string> = {
  answered: "Answered",
  voicemail: "Voicemail",
  no_answer: "Missed",
  busy: "Busy",
  failed: "Failed",
  in_progress: "In progress",
  unknown: "",
};

/** "Inbound call · Busy": the preview of a call without text, as the list shows it. */
export function describeCall(direction: Direction, outcome: CallOutcome | null): string {
  const label = outcome ? CALL_OUTCOME_LABELS[outcome] : "";
  return `${direction === "inbound" ? "Inbound" : "Outbound"} call${label ? ` · ${label}` : ""}`;
}

export const PROVIDERS = ["highlevel", "voxity"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

// Older names still accepted wherever a provider comes from outside (a URL, ?provider=, a script's
// argument): the alias below was HighLevel's id until issue #23 (LeadConnector is its API's brand).
const PROVIDER_ALIASES = new Map<string, ProviderName>([["leadconnector", "highlevel"]]); // naming: keep

/** The provider's id for a name given from outside: an alias becomes its id; anything else is returned as is. */
export function canonicalProvider(name: string): string {
  return PROVIDER_ALIASES.get(name) ?? name;
}

/** A provider given from outside: its id or an old alias of it. */
export const providerSchema = z.string().transform(canonicalProvider).pipe(z.enum(PROVIDERS));

export const ATTACHMENT_KINDS = ["image", "audio", "video", "recording", "voicemail", "file"] as const;
export const attachmentKindSchema = z.enum(ATTACHMENT_KINDS);
export type AttachmentKind = z.infer<typeof attachmentKindSchema>;

export const MEMBERSHIP_ROLES = ["owner", "member"] as const;
export const membershipRoleSchema = z.enum(MEMBERSHIP_ROLES);
export type MembershipRole = z.infer<typeof membershipRoleSchema>;

/** A webhook event's life: stored, claimed by a worker, then one of the three outcomes. */
export const EVENT_STATUSES = ["received", "processing", "processed", "failed", "ignored"] as const;
export const eventStatusSchema = z.enum(EVENT_STATUSES);
export type EventStatus = z.infer<typeof eventStatusSchema>;

/** What an outgoing mail announces, and where it is in the outbox (lib/mail/outbox.ts). */
export const MAIL_KINDS = ["invitation", "verification", "password_reset", "mention"] as const;
export type MailKind = (typeof MAIL_KINDS)[number];
export const MAIL_STATUSES = ["pending", "sending", "sent", "failed"] as const;
export const mailStatusSchema = z.enum(MAIL_STATUSES);
export type MailStatus = z.infer<typeof mailStatusSchema>;

// Every one of these is also a CHECK constraint on its column
// (prisma/migrations/20261123120000_vocabularies), and rows are parsed with these schemas where
// they leave the database, so a value outside the list can neither be stored nor read unnoticed.

/**
 * The "channel:direction" tags a message gives its conversation. A call that ended in
 * voicemail also counts as voicemail, so the voicemail filter finds it.
 */
export function messageKinds(channel: Channel, direction: Direction, callOutcome: CallOutcome | null): string[] {
  const kinds = [`${channel}:${direction}`];
  if (channel === "call" && callOutcome === "voicemail") kinds.push(`voicemail:${direction}`);
  return kinds;
}

/** The kinds a list filter matches: any of the channels, in the given direction or either. */
export function kindsForFilter(channels: readonly Channel[], direction: Direction | null): string[] {
  const selected = channels.length > 0 ? channels : CHANNELS;
  const directions = direction ? [direction] : DIRECTIONS;
  return selected.flatMap((channel) => directions.map((d) => `${channel}:${d}`));
}

export function channelsFromKinds(kinds: readonly string[]): Channel[] {
  const seen = new Set(kinds.map((kind) => kind.split(":")[0]));
  return CHANNELS.filter((channel) => seen.has(channel));
}

/** Where a call's transcript is in being fetched from HighLevel's API (lib/ingest/transcripts/fetch-job.ts). */
export const TRANSCRIPT_FETCH_STATUSES = ["pending", "fetched", "failed"] as const;
export type TranscriptFetchStatus = (typeof TRANSCRIPT_FETCH_STATUSES)[number];

/** HighLevel's appointment statuses; anything else it sends is stored as "unknown". */
export const APPOINTMENT_STATUSES = [
  "new",
  "confirmed",
  "cancelled",
  "showed",
  "noshow",
  "invalid",
  "unknown",
] as const;
export const appointmentStatusSchema = z.enum(APPOINTMENT_STATUSES);
export type AppointmentStatus = z.infer<typeof appointmentStatusSchema>;

/** Where a background job is (lib/jobs): 'unknown' is an at-most-once job that may have run. */
export const JOB_STATES = ["queued", "running", "done", "failed", "unknown"] as const;
export const jobStateSchema = z.enum(JOB_STATES);
export type JobState = z.infer<typeof jobStateSchema>;

/**
 * Where a reply sent from Threadline is (lib/replies): 'not_delivered' HighLevel refused it (with
 * its reason), 'unknown' it may have gone out (a 5xx, a timeout, a worker that died mid-call),
 * 'scheduled' HighLevel holds it until its time (Send later), 'cancelled' called back before then.
 */
export const REPLY_STATES = [
  "sending",
  "sent",
  "not_delivered",
  "unknown",
  "dismissed",
  "scheduled",
  "cancelled",
] as const;
export const replyStateSchema = z.enum(REPLY_STATES);
export type ReplyState = z.infer<typeof replyStateSchema>;

/** Channels a reply can go out on (through HighLevel); calls and voicemails are not replies. */
export const REPLY_CHANNELS = ["sms", "email", "whatsapp", "facebook", "instagram", "live_chat", "gmb"] as const;
export const replyChannelSchema = z.enum(REPLY_CHANNELS);
export type ReplyChannel = z.infer<typeof replyChannelSchema>;
export const isReplyChannel = (channel: string): channel is ReplyChannel =>
  (REPLY_CHANNELS as readonly string[]).includes(channel);

/** What a person did to a conversation, as its timeline shows it (lib/team/activity.ts). */
export const ACTIVITY_KINDS = [
  "assigned",
  "unassigned",
  "snoozed",
  "unsnoozed",
  "woke",
  "done",
  "reopened",
  "labeled",
  "unlabeled",
  // Assignment synced with HighLevel (lib/team/highlevel-sync): its change coming in, and the
  // state of ours going out (quiet when it works at once).
  "highlevel_assigned",
  "highlevel_synced",
  "highlevel_sync_retrying",
  "highlevel_sync_failed",
  "highlevel_not_synced",
] as const;
export const activityKindSchema = z.enum(ACTIVITY_KINDS);
export type ActivityKind = z.infer<typeof activityKindSchema>;

/** A label's colour: a name of the design tokens' chart palette (--color-chart-1…8), theme-aware. */
export const LABEL_COLORS = ["blue", "amber", "green", "rose", "violet", "cyan", "olive", "slate"] as const;
export const labelColorSchema = z.enum(LABEL_COLORS);
export type LabelColor = z.infer<typeof labelColorSchema>;

/** What an API token may do (lib/access/api-tokens/api-tokens.ts): read, or read and send replies. */
export const API_TOKEN_SCOPES = ["read", "send"] as const;
export const apiTokenScopeSchema = z.enum(API_TOKEN_SCOPES);
export type ApiTokenScope = z.infer<typeof apiTokenScopeSchema>;

/**
 * The send audit's rows (lib/replies/audit.ts): what someone did to a reply (send, retry,
 * dismiss, cancel) and how a send ended (sent, scheduled: accepted to go out later,
 * not_delivered, unknown).
 */
export const SEND_AUDIT_ACTIONS = [
  "send",
  "retry",
  "dismiss",
  "cancel",
  "sent",
  "scheduled",
  "not_delivered",
  "unknown",
] as const;
export const sendAuditActionSchema = z.enum(SEND_AUDIT_ACTIONS);
export type SendAuditAction = z.infer<typeof sendAuditActionSchema>;

/**
 * The channels a customer's consent is kept for (lib/replies/consent.ts): the reply channels and
 * calls, as HighLevel's Do Not Disturb settings name them (SMS, Email, WhatsApp, FB, GMB, Call).
 */
export const CONSENT_CHANNELS = [
  "sms",
  "email",
  "whatsapp",
  "facebook",
  "instagram",
  "gmb",
  "live_chat",
  "call",
] as const;
export const consentChannelSchema = z.enum(CONSENT_CHANNELS);
export type ConsentChannel = z.infer<typeof consentChannelSchema>;
export const isConsentChannel = (channel: string): channel is ConsentChannel =>
  (CONSENT_CHANNELS as readonly string[]).includes(channel);

/**
 * Why a channel is blocked (or was, until lifted by the same kind of event): HighLevel's DND for
 * that channel, its DND on every channel, or a keyword the customer wrote (STOP, BAJA…).
 */
export const CONSENT_BASES = ["dnd", "dnd_all", "keyword"] as const;
export const consentBasisSchema = z.enum(CONSENT_BASES);
export type ConsentBasis = z.infer<typeof consentBasisSchema>;

/** Who sent an outbound message (lib/senders/sender.ts): a Threadline person, a provider's user, or an automation. */
export const SENDER_KINDS = ["person", "highlevel-user", "voxity-user", "automation"] as const;
export type SenderKind = (typeof SENDER_KINDS)[number];
