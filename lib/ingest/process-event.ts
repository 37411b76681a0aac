import { ZodError } from "zod";
import { getPrisma } from "@/lib/db";
import { isDatabaseUnavailable, isForeignKeyViolation, isUniqueViolation } from "@/lib/db/errors";
import { publishConversationChanges } from "@/lib/live/bus";
import { logger } from "@/lib/logger";
import { adapterFor } from "@/lib/providers";
import { applyMappedEvent } from "./apply";
import { failEvent, finishEvent, retryEventLater, type ClaimedEvent } from "./event-log";
import { forgetAccountIds } from "./account-ids";
import type { MappedEvent } from "@/lib/providers/contract";
import { readStoredDelivery } from "./raw-delivery";

// What a worker does with one claimed event: read it leniently, map it, apply it and record the
// outcome in one transaction. A payload that cannot be used fails at once (retrying cannot fix
// it); anything else is retried with backoff, then left failed for a person to look at.

export type EventOutcome = "processed" | "ignored" | "failed" | "retrying" | "lost-lease" | "database-unavailable";

export const MAX_ATTEMPTS = 8;
const MAX_BACKOFF_MS = 10 * 60_000;

/** 2 s, 4 s, 8 s … capped: a failing dependency gets room, a passing glitch a quick retry. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempts);
}

export function describeFailure(error: unknown): string {
  if (error instanceof ZodError) {
    return error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`)
      .join("; ");
  }
  return error instanceof Error ? error.message.slice(0, 500) : String(error);
}

class LeaseLostError extends Error {}

function mapEvent(event: ClaimedEvent): MappedEvent | null {
  const adapter = adapterFor(event.provider);
  if (!adapter)
    throw new ZodError([
      { code: "custom", path: ["provider"], message: `unknown provider ${event.provider}`, input: event.provider },
    ]);
  return adapter.map(readStoredDelivery(event.rawBody));
}

async function applyOnce(event: ClaimedEvent, mapped: MappedEvent | null) {
  const prisma = await getPrisma();
  return prisma.$transaction(
    async (tx) => {
      // The outcome first: it locks the event row and proves the lease is still ours.
      if (!(await finishEvent(tx, event, mapped ? "processed" : "ignored"))) throw new LeaseLostError();
      return mapped ? applyMappedEvent(tx, mapped, event.id) : null;
    },
    { maxWait: 5_000, timeout: 15_000 },
  );
}

export async function processEvent(event: ClaimedEvent): Promise<EventOutcome> {
  let mapped: MappedEvent | null;
  try {
    mapped = mapEvent(event);
  } catch (error) {
    // A payload that fails its schema fails the same way next time; a bug in mapping may be fixed.
    return settleFailure(event, error, error instanceof ZodError);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const applied = await applyOnce(event, mapped);
      if (applied) publishConversationChanges(applied.accountId, applied.conversationIds);
      return mapped ? "processed" : "ignored";
    } catch (error) {
      if (error instanceof LeaseLostError) return "lost-lease";
      if (isDatabaseUnavailable(error)) return "database-unavailable";
      // Two events creating the same new row at once: the loser's retry finds it.
      if (isUniqueViolation(error) && attempt < 3) continue;
      if (isForeignKeyViolation(error) && attempt < 3) {
        forgetAccountIds();
        continue;
      }
      return settleFailure(event, error, false);
    }
  }
}

async function settleFailure(event: ClaimedEvent, error: unknown, permanent: boolean): Promise<EventOutcome> {
  const reason = describeFailure(error);
  const final = permanent || event.attempts >= MAX_ATTEMPTS;
  logger.warn(final ? "webhook event failed" : "webhook event will be retried", {
    provider: event.provider,
    eventId: event.id,
    attempts: event.attempts,
    error: reason,
  });
  try {
    if (final) await failEvent(event, reason);
    else await retryEventLater(event, reason, backoffMs(event.attempts));
  } catch (writeError) {
    if (isDatabaseUnavailable(writeError)) return "database-unavailable";
    throw writeError;
  }
  return final ? "failed" : "retrying";
}
