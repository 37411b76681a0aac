import type {
  AppointmentStatus,
  AttachmentKind,
  CallOutcome,
  Channel,
  ConsentBasis,
  ConsentChannel,
  Direction,
  ProviderName,
} from "@/lib/vocabulary";
import type { WebhookVerifier } from "@/lib/providers/verification";

// What a provider payload means for our model, independent of the provider's shape.
// Providers map payloads to these; lib/ingest applies them.

export interface AccountRef {
  provider: ProviderName;
  externalId: string;
}

/** Only the fields a payload actually carries are set; undefined means "not said". */
export interface CustomerFacts {
  externalId: string;
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  tags?: string[];
  smsConsent?: string | null;
  sourceChannel?: string | null;
  /** The provider's time of this version; older versions never overwrite newer ones. */
  versionAt: Date | null;
}

/**
 * What a contact payload says about sending to the customer, per channel: each change sets or
 * lifts one basis of a block (lib/replies/consent.ts). Channels the payload says nothing about
 * are left out.
 */
export interface ConsentFacts {
  customerExternalId: string;
  changes: Array<{ channel: ConsentChannel; basis: ConsentBasis; blocked: boolean; detail: string | null }>;
  /** The provider's time of this version; an older one never overrides a newer one. */
  versionAt: Date | null;
}

export interface AttachmentFacts {
  url: string;
  kind: AttachmentKind;
}

export interface MessageFacts {
  externalId: string;
  conversationExternalId: string;
  customerExternalId: string | null;
  channel: Channel;
  direction: Direction;
  status: string | null;
  body: string | null;
  contentType: string | null;
  subject: string | null;
  email: {
    from: string | null;
    to: string[];
    cc: string[];
    bcc: string[];
    threadId: string | null;
    messageId: string | null;
  } | null;
  call: { durationSeconds: number | null; outcome: CallOutcome } | null;
  authorName: string | null;
  authorExternalId: string | null;
  source: string | null;
  sentAt: Date;
  attachments: AttachmentFacts[];
}

export interface OpportunityFacts {
  externalId: string;
  customerExternalId?: string | null;
  name?: string | null;
  pipelineId?: string | null;
  pipelineName?: string | null;
  stageId?: string | null;
  stageName?: string | null;
  status?: string | null;
  monetaryValue?: number | null;
  currency?: string | null;
  score?: number | null;
  ownerId?: string | null;
  ownerName?: string | null;
  versionAt: Date | null;
}

/** A user of the provider (not a sign-in here): the author of messages, the owner of deals. */
export interface TeammateFacts {
  externalId: string;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
}

/** One sentence of a call's transcript; times in milliseconds from the recording's start when known. */
export interface TranscriptSentence {
  speaker: string | null;
  startMs: number | null;
  endMs: number | null;
  text: string;
  confidence: number | null;
}

/** An AI voice agent's report of a call (HighLevel VoiceAiCallEnd), keyed by the call message's id. */
export interface CallReportFacts {
  messageExternalId: string;
  voiceAiCallId: string;
  agentId: string | null;
  customerExternalId: string | null;
  fromNumber: string | null;
  sentAt: Date;
  durationSeconds: number | null;
  summary: string | null;
  sentences: TranscriptSentence[];
  extractedData: Record<string, unknown> | null;
}

export interface NoteFacts {
  externalId: string;
  customerExternalId: string | null;
  body?: string | null;
  authorExternalId?: string | null;
  addedAt?: Date | null;
  versionAt: Date | null;
}

export interface TaskFacts {
  externalId: string;
  customerExternalId: string | null;
  title?: string | null;
  body?: string | null;
  assignedTo?: string | null;
  dueAt?: Date | null;
  /** Set by a completion; undefined says nothing about it. */
  completedAt?: Date | null;
  addedAt?: Date | null;
  versionAt: Date | null;
}

export interface AppointmentFacts {
  externalId: string;
  customerExternalId: string | null;
  title?: string | null;
  status?: AppointmentStatus | null;
  calendarId?: string | null;
  address?: string | null;
  notes?: string | null;
  assignedUserId?: string | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  addedAt?: Date | null;
  versionAt: Date | null;
}

/** The customer records beside conversations: what a delete names. */
export type CustomerRecordKind = "note" | "task" | "appointment";

export type IngestOperation =
  | { kind: "customer"; customer: CustomerFacts }
  | { kind: "customer.consent"; consent: ConsentFacts }
  | { kind: "customer.delete"; externalId: string; versionAt: Date | null }
  /** The provider's assignee of a customer (a provider user id, null for nobody), at its time of the change. */
  | { kind: "customer.assignment"; customerExternalId: string; assignedTo: string | null; at: Date | null }
  | { kind: "message"; message: MessageFacts }
  | { kind: "opportunity"; opportunity: OpportunityFacts }
  | { kind: "opportunity.delete"; externalId: string; versionAt: Date | null }
  | { kind: "teammate"; teammate: TeammateFacts }
  | { kind: "teammate.delete"; externalId: string }
  | { kind: "account.name"; name: string }
  /** The provider's unread count of a conversation; 0 means read there, for everyone, up to the delivery. */
  | { kind: "conversation.unread"; conversationExternalId: string; unreadCount: number }
  | { kind: "call.report"; report: CallReportFacts }
  | { kind: "note"; note: NoteFacts }
  | { kind: "task"; task: TaskFacts }
  | { kind: "appointment"; appointment: AppointmentFacts }
  | { kind: "record.delete"; record: CustomerRecordKind; externalId: string; versionAt: Date | null };

/** What a provider makes of one delivery. */
export interface MappedEvent {
  account: AccountRef;
  operations: IngestOperation[];
}

/** What is known of a delivery before it is mapped: enough to log and deduplicate it. */
export interface EventEnvelope {
  eventType: string | null;
  accountExternalId: string | null;
  dedupeKey: string;
}

export interface ProviderAdapter {
  name: ProviderName;
  /** Never throws: a payload that fits no schema still gets an envelope and is logged. */
  envelope(payload: unknown): EventEnvelope;
  /** Throws a ZodError for a payload that fails its schema; null for events we do not use. */
  map(payload: unknown): MappedEvent | null;
  /** Proves a delivery came from the provider (throws a 401/503 HttpError otherwise). */
  verify: WebhookVerifier;
}
