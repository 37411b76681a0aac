// The fields of a HighLevel delivery its envelope needs (type, location, ids, direction,
// status), read on the ack path of every webhook without zod: a zod parse copies the whole
// payload and its cost is paid per request before the 200. The answer is exactly what
// `envelopeSchema.safeParse` gives (envelope-head.test.ts holds them equal): every field or,
// when any of them has the wrong type, none. The worker still parses the full schemas.

const OPTIONAL_TEXT = ["type", "id", "locationId", "webhookId"] as const;
const NULLISH_TEXT = ["messageId", "emailMessageId", "direction", "status"] as const;

export type EnvelopeHead = { [K in (typeof OPTIONAL_TEXT)[number]]?: string } & {
  [K in (typeof NULLISH_TEXT)[number]]?: string | null;
};

export function readEnvelopeHead(payload: unknown): EnvelopeHead {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return {};
  const record = payload as Record<string, unknown>;
  const head: EnvelopeHead = {};
  for (const key of OPTIONAL_TEXT) {
    const value = record[key];
    if (value === undefined) continue;
    if (typeof value !== "string") return {};
    head[key] = value;
  }
  for (const key of NULLISH_TEXT) {
    const value = record[key];
    if (value === undefined) continue;
    if (value !== null && typeof value !== "string") return {};
    head[key] = value;
  }
  return head;
}
