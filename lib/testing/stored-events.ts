import type { PrismaClient } from "@/lib/generated/prisma/client";
import { acknowledgeDelivery } from "@/lib/ingest/acknowledge";
import { highLevel } from "@/lib/providers/highlevel";

// Worker tests: HighLevel SMS deliveries stored as the webhook route stores them, no worker running.

let sequence = 0;

/** A new InboundMessage (unique message id and body) for `prefix`'s location, contact and conversation. */
export function smsFor(prefix: string) {
  return (overrides: Record<string, unknown> = {}) => {
    sequence++;
    return {
      type: "InboundMessage",
      locationId: `loc-${prefix}`,
      contactId: `c-${prefix.charAt(0)}`,
      conversationId: `conv-${prefix}`,
      messageType: "SMS",
      direction: "inbound",
      body: `${prefix} ${sequence}`,
      messageId: `${prefix.charAt(0)}-${sequence}`,
      dateAdded: "2025-07-01T10:00:00.000Z",
      ...overrides,
    };
  };
}

/** Stored as the route stores it, with no worker running. */
export async function storeDelivery(payload: object) {
  return acknowledgeDelivery(highLevel, Buffer.from(JSON.stringify(payload)), payload, null);
}

/** A real database error, not a mock: a trigger refuses to store messages with this body. Answers its removal. */
export async function refuseMessagesWithBody(db: PrismaClient, body: string): Promise<() => Promise<unknown>> {
  await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION refuse_body() RETURNS trigger AS $$
    BEGIN IF NEW.body = '${body.replace(/'/g, "''")}' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(
    "CREATE TRIGGER refuse_body BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION refuse_body()",
  );
  return () => db.$executeRawUnsafe("DROP TRIGGER IF EXISTS refuse_body ON messages");
}
