// A HighLevel InboundMessage with a fresh id and a later time each call, for tests that need many.

export const TEST_LOCATION = "loc-test-1";
let sequence = 0;

export function leadConnectorMessage(overrides: Record<string, unknown> = {}) {
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
