import type { CustomerFacts, IngestOperation, OpportunityFacts } from "@/lib/providers/contract";
import { lowerOrNull } from "@/lib/providers/shared";
import type { ContactEvent, OpportunityEvent } from "./schemas";

// HighLevel's message events carry only a contactId: names, phones, emails and deals come
// from contact and opportunity events, mapped here.

function defined<T extends object>(facts: T): T {
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)) as T;
}

export function mapContact(event: ContactEvent): CustomerFacts {
  return defined({
    externalId: event.id,
    firstName: event.firstName,
    lastName: event.lastName,
    name: event.name ?? event.contactName,
    phone: event.phone,
    email: event.email,
    tags: event.tags ?? undefined,
    smsConsent: event.dnd === true ? "optedOut" : undefined,
    sourceChannel: event.source,
    versionAt: event.dateUpdated ?? event.timestamp ?? event.dateAdded ?? null,
  });
}

/**
 * A contact event's `assignedTo`, when it carries the field: HighLevel's assignee of the contact.
 * Its time is the update's (`dateUpdated`, else the signed delivery's `timestamp`); a new contact's
 * is its creation.
 */
export function mapContactAssignment(event: ContactEvent): IngestOperation[] {
  if (event.assignedTo === undefined) return [];
  const at = event.dateUpdated ?? event.timestamp ?? (event.type === "ContactCreate" ? event.dateAdded : null) ?? null;
  return [{ kind: "customer.assignment", customerExternalId: event.id, assignedTo: event.assignedTo || null, at }];
}

export function mapOpportunity(event: OpportunityEvent): OpportunityFacts {
  return defined({
    externalId: event.id,
    customerExternalId: event.contactId,
    name: event.name,
    pipelineId: event.pipelineId,
    pipelineName: event.pipelineName,
    stageId: event.pipelineStageId,
    stageName: event.pipelineStageName ?? event.stageName,
    status: event.status === undefined ? undefined : lowerOrNull(event.status),
    monetaryValue: event.monetaryValue ?? undefined,
    currency: event.currency,
    ownerId: event.assignedTo,
    ownerName: event.assignedToName,
    versionAt: event.dateUpdated ?? event.timestamp ?? event.dateAdded ?? null,
  });
}
