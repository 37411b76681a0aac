import type { EventEnvelope, MappedEvent, ProviderAdapter } from "@/lib/providers/contract";
import { payloadHash } from "@/lib/providers/payload-hash";
import { verifyHighLevelDeliveryOffThread } from "./signature";
import { readEnvelopeHead } from "./envelope-head";
import { mapContactConsent } from "./map-consent";
import { mapContact, mapContactAssignment, mapOpportunity } from "./map-crm";
import { mapMessage, messageDirection, messageExternalId } from "./map-message";
import { mapWorkspaceEvent, WORKSPACE_EVENT_TYPES } from "./map-workspace";
import { mapCustomerRecordEvent, RECORD_EVENT_TYPES } from "./map-records";
import { mapVoiceAiCallEnd } from "./map-voice-ai";
import {
  CONTACT_EVENT_TYPES,
  MESSAGE_EVENT_TYPES,
  OPPORTUNITY_EVENT_TYPES,
  contactEventSchema,
  envelopeSchema,
  messageEventSchema,
  opportunityEventSchema,
} from "./schemas";

const isOneOf = <T extends string>(list: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (list as readonly string[]).includes(value);

function envelope(payload: unknown): EventEnvelope {
  const head = readEnvelopeHead(payload);
  // Only for deliveries without an id of their own: hashing a canonical copy of the payload
  // would otherwise cost every acknowledgement.
  const hash = () => payloadHash(payload);
  // A message is one message whatever delivery brings it: dedupe on its id. Direction is part
  // of the key because HighLevel's own examples reuse one id for an inbound and an outbound call.
  // An outbound message's later copies tell its status moved on (delivered, read, failed): each
  // status is news of its own (lib/replies/delivery-status.ts), a redelivery of one is not.
  const isMessage = isOneOf(MESSAGE_EVENT_TYPES, head.type);
  const direction = isMessage ? messageDirection(head) : null;
  const status = direction === "outbound" && head.status ? `:${head.status.toLowerCase()}` : "";
  const dedupeKey = isMessage
    ? `message:${head.locationId ?? "?"}:${messageExternalId(head, hash)}:${direction}${status}`
    : head.webhookId
      ? `webhook:${head.webhookId}`
      : `sha256:${hash()}`;
  // A location's own events carry its id as `id`.
  const accountExternalId = head.locationId ?? (head.type?.startsWith("Location") ? head.id : undefined) ?? null;
  return { eventType: head.type ?? null, accountExternalId, dedupeKey };
}

function map(payload: unknown): MappedEvent | null {
  const type = envelopeSchema.parse(payload).type;
  if (type && WORKSPACE_EVENT_TYPES.includes(type)) return mapWorkspaceEvent(payload);
  if (type === "VoiceAiCallEnd") return mapVoiceAiCallEnd(payload, new Date());
  if (type && RECORD_EVENT_TYPES.includes(type)) return mapCustomerRecordEvent(payload);
  if (isOneOf(MESSAGE_EVENT_TYPES, type)) {
    const event = messageEventSchema.parse(payload);
    const externalId = messageExternalId(event, () => payloadHash(payload));
    const message = mapMessage(event, externalId, new Date());
    return {
      account: { provider: "highlevel", externalId: event.locationId },
      operations: [
        ...(event.contactId
          ? [{ kind: "customer" as const, customer: { externalId: event.contactId, versionAt: null } }]
          : []),
        { kind: "message", message },
      ],
    };
  }
  if (isOneOf(CONTACT_EVENT_TYPES, type)) {
    const event = contactEventSchema.parse(payload);
    const account = { provider: "highlevel" as const, externalId: event.locationId };
    if (event.type === "ContactDelete") {
      return {
        account,
        operations: [{ kind: "customer.delete", externalId: event.id, versionAt: mapContact(event).versionAt }],
      };
    }
    const customer = mapContact(event);
    const consent = mapContactConsent(event, customer.versionAt);
    return {
      account,
      operations: [
        { kind: "customer", customer },
        ...(consent ? [{ kind: "customer.consent" as const, consent }] : []),
        ...mapContactAssignment(event),
      ],
    };
  }
  if (isOneOf(OPPORTUNITY_EVENT_TYPES, type)) {
    const event = opportunityEventSchema.parse(payload);
    const account = { provider: "highlevel" as const, externalId: event.locationId };
    const opportunity = mapOpportunity(event);
    if (event.type === "OpportunityDelete") {
      return {
        account,
        operations: [{ kind: "opportunity.delete", externalId: event.id, versionAt: opportunity.versionAt }],
      };
    }
    const customer = event.contactId
      ? [{ kind: "customer" as const, customer: { externalId: event.contactId, versionAt: null } }]
      : [];
    return { account, operations: [...customer, { kind: "opportunity", opportunity }] };
  }
  return null;
}

export const highLevel: ProviderAdapter = {
  name: "highlevel",
  envelope,
  map,
  verify: verifyHighLevelDeliveryOffThread,
};
