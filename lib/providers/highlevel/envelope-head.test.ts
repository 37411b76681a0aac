import { describe, expect, it } from "vitest";
import { readEnvelopeHead } from "./envelope-head";
import { envelopeSchema } from "./schemas";

// The ack path reads a delivery's envelope without zod; it must answer exactly what the schema
// the worker uses would: the same fields, and nothing at all when one of them has the wrong type.

const viaSchema = (payload: unknown) => {
  const parsed = envelopeSchema.safeParse(payload);
  if (!parsed.success) return {};
  const { type, id, locationId, webhookId, messageId, emailMessageId, direction, status } = parsed.data;
  return Object.fromEntries(
    Object.entries({ type, id, locationId, webhookId, messageId, emailMessageId, direction, status }).filter(
      ([, value]) => value !== undefined,
    ),
  );
};

const message = {
  type: "InboundMessage",
  locationId: "loc-1",
  messageId: "m-1",
  direction: "inbound",
  status: "delivered",
  body: "hello",
};

const payloads: unknown[] = [
  message,
  { ...message, messageId: null, emailMessageId: "e-1", direction: null, status: null },
  { type: "ContactCreate", id: "c-1", locationId: "loc-1", webhookId: "w-1", tags: ["a"] },
  { type: "LocationUpdate", id: "loc-2" },
  { webhookId: "" },
  {},
  // A field of the wrong type: the schema gives nothing, so neither may the reader.
  { ...message, type: 7 },
  { ...message, type: null },
  { ...message, locationId: ["loc-1"] },
  { ...message, webhookId: null },
  { ...message, messageId: 12 },
  { ...message, direction: { said: "inbound" } },
  { ...message, status: false },
  // Not an object at all.
  null,
  [],
  [message],
  "InboundMessage",
  42,
  true,
  { nested: { type: "InboundMessage", locationId: "loc-1" } },
  JSON.parse('{"__proto__": {"type": "InboundMessage"}, "id": "x"}'),
];

describe("readEnvelopeHead", () => {
  it.each(payloads.map((payload) => [JSON.stringify(payload), payload]))(
    "agrees with envelopeSchema on %s",
    (_, payload) => {
      expect(readEnvelopeHead(payload)).toEqual(viaSchema(payload));
    },
  );
});
