import { randomUUID } from "node:crypto";
import type { ProviderName } from "@/lib/channels";
import { getPrisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EventEnvelope } from "@/lib/ingest/operations";

// The raw event log. Inserting a delivery is also how it is claimed: a unique key on
// (provider, dedupe_key) lets exactly one of any number of concurrent copies in.

export type WebhookEventStatus = "processing" | "received" | "processed" | "failed" | "ignored";

/** How long a claim protects an event from being processed by a concurrent redelivery. */
export const CLAIM_LEASE_MS = 5_000;

export type Claim =
  | { claimed: true; eventId: string; payload: unknown }
  | { claimed: false; eventId: string; status: string };

const leaseEnd = () => new Date(Date.now() + CLAIM_LEASE_MS);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Thrown for a signed delivery whose id we have already stored: a replay, not a retry. */
export class ReplayedDeliveryError extends Error {
  constructor(readonly deliveryId: string) {
    super(`webhookId ${deliveryId} was already delivered`);
    this.name = "ReplayedDeliveryError";
  }
}

export async function claimDelivery(
  provider: ProviderName,
  envelope: EventEnvelope,
  payload: unknown,
  deliveryId: string | null = null,
): Promise<Claim> {
  const prisma = await getPrisma();
  if (deliveryId) await refuseReplay(provider, deliveryId);
  const eventId = randomUUID();
  const { count } = await prisma.webhookEvent.createMany({
    data: [
      {
        id: eventId,
        provider,
        dedupeKey: envelope.dedupeKey,
        eventType: envelope.eventType,
        accountExternalId: envelope.accountExternalId,
        payload: payload as Prisma.InputJsonValue,
        status: "processing",
        attempts: 1,
        lockedUntil: leaseEnd(),
        deliveryId,
      },
    ],
    skipDuplicates: true,
  });
  if (count === 1) return { claimed: true, eventId, payload };
  const sameEvent = await prisma.webhookEvent.count({ where: { provider, dedupeKey: envelope.dedupeKey } });
  // The conflict was on the delivery id alone: a different body under an id already used.
  if (sameEvent === 0 && deliveryId) throw new ReplayedDeliveryError(deliveryId);
  return reclaimStalled(provider, envelope.dedupeKey);
}

/**
 * A delivery id seen on a finished event is a replay. One whose event never finished (the
 * database went away and we answered 429) is the provider's retry, and must go through.
 */
async function refuseReplay(provider: ProviderName, deliveryId: string): Promise<void> {
  const prisma = await getPrisma();
  const seen = await prisma.webhookEvent.findUnique({
    where: { provider_deliveryId: { provider, deliveryId } },
    select: { status: true },
  });
  if (seen && seen.status !== "received" && seen.status !== "processing") throw new ReplayedDeliveryError(deliveryId);
}

/**
 * A copy of an event we already have. If an earlier attempt died before finishing (the
 * database went away mid-delivery), its lease runs out and this copy takes over; while a
 * concurrent copy is still inside its lease we wait for it rather than answer too early.
 */
async function reclaimStalled(provider: ProviderName, dedupeKey: string): Promise<Claim> {
  const prisma = await getPrisma();
  const deadline = Date.now() + CLAIM_LEASE_MS + 1_000;
  for (;;) {
    const existing = await prisma.webhookEvent.findUniqueOrThrow({
      where: { provider_dedupeKey: { provider, dedupeKey } },
      select: { id: true, status: true, lockedUntil: true, payload: true },
    });
    const stalled =
      existing.status === "received" ||
      (existing.status === "processing" && (existing.lockedUntil?.getTime() ?? 0) <= Date.now());
    if (stalled) {
      const { count } = await prisma.webhookEvent.updateMany({
        where: { id: existing.id, status: existing.status, lockedUntil: existing.lockedUntil },
        data: { status: "processing", lockedUntil: leaseEnd(), attempts: { increment: 1 } },
      });
      if (count === 1) return { claimed: true, eventId: existing.id, payload: existing.payload };
    }
    if (existing.status !== "processing" || Date.now() > deadline) {
      return { claimed: false, eventId: existing.id, status: existing.status };
    }
    await sleep(100);
  }
}

/** Marks an event whose processing could not finish for a reason outside it, so the next copy takes it at once. */
export async function releaseClaim(eventId: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.webhookEvent.update({ where: { id: eventId }, data: { status: "received", lockedUntil: null } });
}

export async function markEventOutcome(eventId: string, status: "failed" | "ignored", error: string | null): Promise<void> {
  const prisma = await getPrisma();
  await prisma.webhookEvent.update({
    where: { id: eventId },
    data: { status, error, lockedUntil: null, processedAt: new Date() },
  });
}

export async function claimForReplay(eventId: string): Promise<boolean> {
  const prisma = await getPrisma();
  const { count } = await prisma.webhookEvent.updateMany({
    where: {
      id: eventId,
      OR: [{ status: { in: ["failed", "received"] } }, { status: "processing", lockedUntil: { lt: new Date() } }],
    },
    data: { status: "processing", lockedUntil: leaseEnd(), attempts: { increment: 1 } },
  });
  return count === 1;
}

export async function listReplayableEvents(limit: number) {
  const prisma = await getPrisma();
  return prisma.webhookEvent.findMany({
    where: {
      OR: [
        { status: { in: ["failed", "received"] } },
        { status: "processing", lockedUntil: { lt: new Date() } },
      ],
    },
    orderBy: { receivedAt: "asc" },
    take: limit,
    select: { id: true, provider: true, payload: true, status: true },
  });
}
