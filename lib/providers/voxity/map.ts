import type { Direction } from "@/lib/vocabulary";
import type { CustomerFacts, IngestOperation, MessageFacts, OpportunityFacts } from "@/lib/providers/contract";
import { attachmentKind } from "@/lib/normalize/attachments";
import { fullName } from "@/lib/normalize/contact";
import { attachmentUrl, lowerOrNull } from "@/lib/providers/shared";
import type { HistoryEntry, SmsMessage, VoxityCustomer, VoxityOpportunity } from "./schemas";

// Roles that speak for the business; anything else in a history entry is the customer.
const BUSINESS_ROLES = new Set(["user", "agent", "assistant", "ai", "bot", "system", "business"]);

function historyDirection(entry: HistoryEntry): Direction {
  return BUSINESS_ROLES.has((entry.role ?? "").toLowerCase()) ? "outbound" : "inbound";
}

function media(items: SmsMessage["media"]): MessageFacts["attachments"] {
  return (items ?? []).map((item) => {
    const url = attachmentUrl(item);
    return { url, kind: attachmentKind(url, "other") };
  });
}

function smsFacts(
  base: Pick<MessageFacts, "conversationExternalId" | "customerExternalId">,
  fields: {
    externalId: string;
    direction: Direction;
    body: string | null | undefined;
    sentAt: Date;
    status?: string | null;
    authorName?: string | null;
    authorExternalId?: string | null;
    attachments: MessageFacts["attachments"];
  },
): MessageFacts {
  return {
    ...base,
    externalId: fields.externalId,
    channel: "sms",
    direction: fields.direction,
    status: lowerOrNull(fields.status),
    body: fields.body ?? null,
    contentType: "text/plain",
    subject: null,
    email: null,
    call: null,
    authorName: fields.authorName ?? null,
    authorExternalId: fields.authorExternalId ?? null,
    source: "voxity",
    sentAt: fields.sentAt,
    attachments: fields.attachments,
  };
}

/**
 * The event's own message, then the conversation history it carries (which backfills what we
 * missed). The own message is also the last history entry: it is taken once, from the richer
 * top-level object, so its direction and author are the provider's word, not a guess from role.
 */
export function mapSmsMessages(message: SmsMessage): MessageFacts[] {
  const base = { conversationExternalId: message.conversationId, customerExternalId: message.customerId ?? null };
  const own = smsFacts(base, {
    externalId: message.id,
    direction: message.direction,
    body: message.body,
    sentAt: message.createdAt,
    status: message.status,
    authorName: message.direction === "outbound" ? message.createdBy?.displayName : null,
    authorExternalId: message.createdBy?.uid,
    attachments: media(message.media),
  });
  const history = (message.metadata?.conversation ?? [])
    .filter((entry) => entry.id !== message.id)
    .map((entry) =>
      smsFacts(base, {
        externalId: entry.id,
        direction: historyDirection(entry),
        body: entry.body,
        sentAt: entry.createdAt,
        attachments: media(entry.media),
      }),
    );
  return [...history, own];
}

export function mapCustomer(message: SmsMessage): CustomerFacts | null {
  const customer: VoxityCustomer | null | undefined = message.expanded?.customer;
  const externalId = customer?.id ?? message.customerId;
  if (!externalId) return null;
  const phoneRecord = message.metadata?.customerPhoneNumber;
  const consent = phoneRecord?.capabilities?.sms?.consent?.status;
  const facts: CustomerFacts = { externalId, versionAt: customer?.updatedAt ?? null };
  if (customer) {
    facts.firstName = customer.firstName ?? null;
    facts.lastName = customer.lastName ?? null;
    facts.name = customer.name ?? fullName(customer.firstName, customer.lastName);
    facts.email = customer.email ?? null;
    facts.tags = customer.tags ?? [];
    facts.sourceChannel = customer.channel ?? null;
  }
  const phone =
    customer?.phoneNumber ?? phoneRecord?.phoneNumber ?? (message.direction === "inbound" ? message.from : message.to);
  if (phone) facts.phone = phone;
  if (consent) facts.smsConsent = consent;
  return facts;
}

export function mapOpportunity(opportunity: VoxityOpportunity, statusOverride?: string): OpportunityFacts {
  // Names a payload leaves out are "not said" (undefined), not "no name": the copy of the deal
  // inside every SMS event often lacks them and must not erase names an opportunity event gave.
  return {
    externalId: opportunity.id,
    customerExternalId: opportunity.customerId ?? null,
    name: opportunity.name ?? null,
    pipelineId: opportunity.pipelineId ?? null,
    pipelineName: opportunity.pipelineName ?? undefined,
    stageId: opportunity.stageId ?? null,
    stageName: opportunity.stageName ?? undefined,
    status: statusOverride ?? lowerOrNull(opportunity.status) ?? "open",
    monetaryValue: opportunity.amount,
    currency: opportunity.currency ?? null,
    score: opportunity.score,
    ownerId: opportunity.ownerId ?? null,
    ownerName: opportunity.ownerName ?? undefined,
    versionAt: opportunity.updatedAt ?? opportunity.createdAt ?? null,
  };
}

export function opportunityOperation(opportunity: VoxityOpportunity, statusOverride?: string): IngestOperation {
  const facts = mapOpportunity(opportunity, statusOverride);
  return opportunity.removed
    ? { kind: "opportunity.delete", externalId: opportunity.id, versionAt: facts.versionAt }
    : { kind: "opportunity", opportunity: facts };
}
