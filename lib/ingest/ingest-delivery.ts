import { getPrisma } from "@/lib/db";
import { isDatabaseUnavailable, isForeignKeyViolation, isUniqueViolation } from "@/lib/db/errors";
import { DatabaseUnavailableError } from "@/lib/http/errors";
import { publishConversationChanges } from "@/lib/live/bus";
import { logger } from "@/lib/logger";
import { claimDelivery, claimForReplay, markEventOutcome, releaseClaim } from "@/lib/webhook-events";
import { ZodError } from "zod";
import { applyMappedEvent } from "./apply";
import { forgetAccountIds } from "./get-or-create";
import type { ProviderAdapter } from "./operations";

// The one ingestion path every provider shares: log raw, claim once, map, apply, record outcome.

export type IngestStatus = "processed" | "duplicate" | "failed" | "ignored";

export interface IngestResult {
  status: IngestStatus;
  eventId: string;
  error?: string;
  messagesStored?: number;
}

function describeFailure(error: unknown): string {
  if (error instanceof ZodError) {
    return error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`)
      .join("; ");
  }
  return error instanceof Error ? error.message.slice(0, 500) : String(error);
}

/** Throws DatabaseUnavailableError when the event could not be stored: the caller answers "retry later". */
export async function ingestDelivery(adapter: ProviderAdapter, payload: unknown, deliveryId: string | null = null): Promise<IngestResult> {
  const envelope = adapter.envelope(payload);
  let claim;
  try {
    claim = await claimDelivery(adapter.name, envelope, payload, deliveryId);
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw new DatabaseUnavailableError(error);
    throw error;
  }
  if (!claim.claimed) return { status: "duplicate", eventId: claim.eventId };
  return processClaimedEvent(adapter, claim.eventId, claim.payload);
}

export async function replayEvent(adapter: ProviderAdapter, eventId: string, payload: unknown): Promise<IngestResult | null> {
  if (!(await claimForReplay(eventId))) return null;
  return processClaimedEvent(adapter, eventId, payload);
}

async function processClaimedEvent(adapter: ProviderAdapter, eventId: string, payload: unknown): Promise<IngestResult> {
  let mapped;
  try {
    mapped = adapter.map(payload);
  } catch (error) {
    return fail(adapter, eventId, error);
  }
  if (!mapped) {
    await markEventOutcome(eventId, "ignored", null);
    return { status: "ignored", eventId };
  }
  const prisma = await getPrisma();
  for (let attempt = 1; ; attempt++) {
    try {
      const { accountId, messagesStored, conversationIds } = await prisma.$transaction(
        async (tx) => {
          const result = await applyMappedEvent(tx, mapped, eventId);
          await tx.webhookEvent.update({
            where: { id: eventId },
            data: { status: "processed", error: null, lockedUntil: null, processedAt: new Date() },
          });
          return result;
        },
        { maxWait: 10_000, timeout: 20_000 },
      );
      publishConversationChanges(accountId, conversationIds);
      return { status: "processed", eventId, messagesStored };
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        await releaseClaim(eventId).catch(() => undefined);
        throw new DatabaseUnavailableError(error);
      }
      // Two deliveries creating the same new row at once: the loser's retry finds it.
      if (isUniqueViolation(error) && attempt < 3) continue;
      if (isForeignKeyViolation(error) && attempt < 3) {
        forgetAccountIds();
        continue;
      }
      return fail(adapter, eventId, error);
    }
  }
}

async function fail(adapter: ProviderAdapter, eventId: string, error: unknown): Promise<IngestResult> {
  const message = describeFailure(error);
  logger.warn("webhook event failed", { provider: adapter.name, eventId, error: message });
  try {
    await markEventOutcome(eventId, "failed", message);
  } catch (markError) {
    if (isDatabaseUnavailable(markError)) throw new DatabaseUnavailableError(markError);
    throw markError;
  }
  return { status: "failed", eventId, error: message };
}
