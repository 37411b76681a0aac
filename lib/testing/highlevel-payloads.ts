// A HighLevel InboundMessage with a fresh id and a later time each call, for tests that need many.

export const TEST_LOCATION = "loc-test-1";
let sequence = 0;

export function highLevelMessage(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    type: "InboundMessage",
    locationId: TEST_LOCATION,
    contactId: "contact-1",
    conversationId: "conv-1",
    messageId: `msg-${sequence}`,
    messageType: "SMS",
    direction: "inbound",
    body: `hello ${sequence}`,
    dateAdded: new Date(Date.UTC(2025, 0, 1, 12, sequence)).toISOString(),
    ...overrides,
  };
}

/** A HighLevel OpportunityCreate for contact-1 in pipeline pipe-9, stage stage-9 (ids only, no names). */
export function highLevelOpportunity(overrides: Record<string, unknown> = {}) {
  return {
    type: "OpportunityCreate",
    locationId: TEST_LOCATION,
    id: "opp-1",
    contactId: "contact-1",
    name: "Implants",
    pipelineId: "pipe-9",
    pipelineStageId: "stage-9",
    assignedTo: "user-dana",
    dateAdded: "2025-06-01T10:00:00Z",
    ...overrides,
  };
}

/** A HighLevel NoteCreate on contact-1's record. */
export function highLevelNote(overrides: Record<string, unknown> = {}) {
  return {
    type: "NoteCreate",
    locationId: TEST_LOCATION,
    id: "note-1",
    body: "Allergic to latex",
    contactId: "contact-1",
    dateAdded: "2025-01-02T09:00:00Z",
    ...overrides,
  };
}
