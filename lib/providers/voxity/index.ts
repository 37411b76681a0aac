import type { EventEnvelope, IngestOperation, MappedEvent, ProviderAdapter } from "@/lib/providers/contract";
import { payloadHash } from "@/lib/providers/payload-hash";
import { verifyVoxityDelivery } from "./signature";
import { mapCustomer, mapSmsMessages, opportunityOperation } from "./map";
import { OPPORTUNITY_EVENT_TYPES, envelopeSchema, opportunityEventSchema, smsMessageAddedSchema } from "./schemas";

function envelope(payload: unknown): EventEnvelope {
  const parsed = envelopeSchema.safeParse(payload);
  const head = parsed.success ? parsed.data : {};
  return {
    eventType: head.type ?? null,
    accountExternalId: head.agentId ?? null,
    // Event ids are unique per agent only: without the agent in the key, one agent could send
    // another agent's next event id first and have the genuine event dropped as a duplicate.
    dedupeKey: head.id ? `event:${head.agentId ?? "?"}:${head.id}` : `sha256:${payloadHash(payload)}`,
  };
}

const STATUS_BY_EVENT: Partial<Record<(typeof OPPORTUNITY_EVENT_TYPES)[number], string>> = {
  "opportunity.won": "won",
  "opportunity.lost": "lost",
  "opportunity.stuck": "stuck",
};

function map(payload: unknown): MappedEvent | null {
  const { type } = envelopeSchema.parse(payload);
  if (type === "sms.message.added") {
    const event = smsMessageAddedSchema.parse(payload);
    const message = event.data.object;
    const customer = mapCustomer(message);
    const operations: IngestOperation[] = [
      ...(customer ? [{ kind: "customer" as const, customer }] : []),
      ...(message.expanded?.opportunities ?? []).map((opportunity) => opportunityOperation(opportunity)),
      ...mapSmsMessages(message).map((facts) => ({ kind: "message" as const, message: facts })),
    ];
    return { account: { provider: "voxity", externalId: event.agentId }, operations };
  }
  if ((OPPORTUNITY_EVENT_TYPES as readonly (string | undefined)[]).includes(type)) {
    const event = opportunityEventSchema.parse(payload);
    const opportunity =
      event.type === "opportunity.removed" ? { ...event.data.object, removed: true } : event.data.object;
    const customer = opportunity.customerId
      ? [{ kind: "customer" as const, customer: { externalId: opportunity.customerId, versionAt: null } }]
      : [];
    return {
      account: { provider: "voxity", externalId: event.agentId },
      operations: [...customer, opportunityOperation(opportunity, STATUS_BY_EVENT[event.type])],
    };
  }
  return null;
}

export const voxity: ProviderAdapter = { name: "voxity", envelope, map, verify: verifyVoxityDelivery };
