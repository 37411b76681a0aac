import type { AttachmentKind, CallOutcome, Channel, Direction, ProviderName } from "@/lib/vocabulary";
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

export type IngestOperation =
  | { kind: "customer"; customer: CustomerFacts }
  | { kind: "customer.delete"; externalId: string; versionAt: Date | null }
  | { kind: "message"; message: MessageFacts }
  | { kind: "opportunity"; opportunity: OpportunityFacts }
  | { kind: "opportunity.delete"; externalId: string; versionAt: Date | null };

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
