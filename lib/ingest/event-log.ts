import { randomUUID } from "node:crypto";
import type { ProviderName } from "@/lib/vocabulary";
import { getDatabase, getPrisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EventEnvelope } from "@/lib/providers/contract";

// The raw event log is also the queue. Every status write of an event happens here.
// - The ack path inserts a delivery once (the insert is the claim: unique (provider, dedupe_key)
//   and (provider, delivery_id) let exactly one of any number of concurrent copies in).
// - Workers take available events with FOR UPDATE SKIP LOCKED, each with a lease; `attempts` is
//   the lease's token, so a worker whose lease ran out can no longer finish the event.

export { EVENT_STATUSES, type EventStatus } from "@/lib/vocabulary";

export type Acknowledgement = { status: "received" | "duplicate"; eventId: string };

export interface Delivery {
  provider: ProviderName;
  envelope: EventEnvelope;
  rawBody: Buffer;
  deliveryId: string | null;
}

// A conflicting row another request is inserting right now is not yet visible to the SELECT
// branch (same snapshot); findEqualDelivery finds it once that insert commits.
const RECORD_DELIVERY_SQL = `
  WITH inserted AS (
    INSERT INTO "webhook_events" ("id", "provider", "dedupe_key", "event_type", "account_external_id", "raw_body", "status", "delivery_id")
    VALUES ($1, $2, $3, $4, $5, $6, 'received', $7)
    ON CONFLICT DO NOTHING
    RETURNING "id"
  )
  SELECT "id", true AS "inserted" FROM inserted
  UNION ALL
  SELECT "id", false FROM "webhook_events"
  WHERE NOT EXISTS (SELECT 1 FROM inserted) AND "provider" = $2
    AND ("dedupe_key" = $3 OR "delivery_id" = $7)
  LIMIT 1`;

/** One round trip: stores the delivery, or finds that an equal one is already stored. */
export async function recordDelivery({ provider, envelope, rawBody, deliveryId }: Delivery): Promise<Acknowledgement> {
  const database = await getDatabase();
  const values = [
    randomUUID(),
    provider,
    envelope.dedupeKey,
    envelope.eventType,
    envelope.accountExternalId,
    rawBody,
    deliveryId,
  ];
  // On PostgreSQL straight through pg (the hot path of every webhook); the same SQL through
  // Prisma on the embedded database.
  const rows: Array<{ id: string; inserted: boolean }> = database.pool
    ? (await database.pool.query<{ id: string; inserted: boolean }>(RECORD_DELIVERY_SQL, values)).rows
    : await database.prisma.$queryRawUnsafe(RECORD_DELIVERY_SQL, ...values);
  const row = rows[0] ?? (await findEqualDelivery(provider, envelope.dedupeKey, deliveryId));
  return row.inserted ? { status: "received", eventId: row.id } : { status: "duplicate", eventId: row.id };
}

async function findEqualDelivery(provider: ProviderName, dedupeKey: string, deliveryId: string | null) {
  const prisma = await getPrisma();
  const existing = await prisma.webhookEvent.findFirstOrThrow({
    where: { provider, OR: [{ dedupeKey }, ...(deliveryId ? [{ deliveryId }] : [])] },
    select: { id: true },
  });
  return { id: existing.id, inserted: false };
}

export interface ClaimedEvent {
  id: string;
  provider: string;
  rawBody: Uint8Array;
  accountExternalId: string | null;
  /** The lease's token: only the holder of this attempt may finish the event. */
  attempts: number;
}

/** Takes up to `limit` available events for `leaseMs`, oldest first, skipping ones another worker holds. */
export async function claimEvents(limit: number, leaseMs: number): Promise<ClaimedEvent[]> {
  const prisma = await getPrisma();
  const claimed = await prisma.$queryRaw<Array<ClaimedEvent & { available_at: Date }>>`
    UPDATE "webhook_events" AS event
    SET "status" = 'processing', "attempts" = event."attempts" + 1,
        "available_at" = now() + make_interval(secs => ${leaseMs / 1000})
    FROM (
      SELECT "id", "available_at" FROM "webhook_events"
      WHERE "status" IN ('received', 'processing') AND "available_at" <= now()
      ORDER BY "available_at"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) AS picked
    WHERE event."id" = picked."id"
    RETURNING event."id", event."provider", event."raw_body" AS "rawBody",
      event."account_external_id" AS "accountExternalId", event."attempts", picked."available_at"`;
  // RETURNING does not keep the subquery's order: restore arrival order for the worker.
  return claimed
    .sort((a, b) => a.available_at.getTime() - b.available_at.getTime())
    .map(({ available_at: _, ...event }) => event);
}

type Tx = Prisma.TransactionClient;

/**
 * Records the outcome inside the transaction that applied the event, so both land or neither
 * does. False when this worker's lease was lost (another worker took the event over).
 */
export async function finishEvent(tx: Tx, event: ClaimedEvent, status: "processed" | "ignored"): Promise<boolean> {
  const { count } = await tx.webhookEvent.updateMany({
    where: { id: event.id, status: "processing", attempts: event.attempts },
    data: { status, error: null, processedAt: new Date() },
  });
  return count === 1;
}

/**
 * finishEvent for many events in one statement (the worker's batch): answers the ids whose lease
 * is still this worker's, whose outcome is now recorded in the caller's transaction.
 */
export async function finishEvents(
  tx: Tx,
  events: ReadonlyArray<{ event: ClaimedEvent; status: "processed" | "ignored" }>,
): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const rows = events.map(({ event, status }) => ({ id: event.id, attempts: event.attempts, status }));
  const finished = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE webhook_events e SET status = v.status, error = NULL, processed_at = ${new Date()}
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS v(id text, attempts int, status text)
    WHERE e.id = v.id AND e.status = 'processing' AND e.attempts = v.attempts
    RETURNING e.id`;
  return new Set(finished.map((row) => row.id));
}

/** A failed attempt: back to the queue after `delayMs`, keeping the error for the log page. */
export async function retryEventLater(event: ClaimedEvent, error: string, delayMs: number): Promise<void> {
  const prisma = await getPrisma();
  await prisma.webhookEvent.updateMany({
    where: { id: event.id, status: "processing", attempts: event.attempts },
    data: { status: "received", error, availableAt: new Date(Date.now() + delayMs) },
  });
}

/** Failed for good (bad payload, or out of attempts): visible, and replayable by a person. */
export async function failEvent(event: ClaimedEvent, error: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.webhookEvent.updateMany({
    where: { id: event.id, status: "processing", attempts: event.attempts },
    data: { status: "failed", error, processedAt: new Date() },
  });
}

/** Hands claimed events back untouched (a worker stopping, or the database going away). */
export async function releaseEvents(events: readonly ClaimedEvent[], delayMs = 0): Promise<void> {
  if (events.length === 0) return;
  const prisma = await getPrisma();
  await prisma.$transaction(
    events.map((event) =>
      prisma.webhookEvent.updateMany({
        where: { id: event.id, status: "processing", attempts: event.attempts },
        data: { status: "received", attempts: event.attempts - 1, availableAt: new Date(Date.now() + delayMs) },
      }),
    ),
  );
}

const requeueable = { status: { in: ["failed", "received"] } } satisfies Prisma.WebhookEventWhereInput;
const requeued = () => ({ status: "received", attempts: 0, availableAt: new Date(), processedAt: null }) as const;

/** "Process again": failed (or stuck) events back to the queue with fresh attempts. */
export async function requeueEvents(where: Prisma.WebhookEventWhereInput): Promise<number> {
  const prisma = await getPrisma();
  const { count } = await prisma.webhookEvent.updateMany({ where: { AND: [where, requeueable] }, data: requeued() });
  return count;
}

/**
 * The same, answering with the rows as this statement left them: a polling worker may claim an event
 * the moment it is back in the queue, so a read after the update could already say "processing".
 */
export async function requeueEventsReturning<S extends Prisma.WebhookEventSelect>(
  where: Prisma.WebhookEventWhereInput,
  select: S,
) {
  const prisma = await getPrisma();
  return prisma.webhookEvent.updateManyAndReturn({ where: { AND: [where, requeueable] }, data: requeued(), select });
}
