import { ZodError } from "zod";
import { getPrisma } from "@/lib/db";
import { isDatabaseUnavailable, isForeignKeyViolation, isTransientConflict, isUniqueViolation } from "@/lib/db/errors";
import { publishConversationChanges } from "@/lib/live/bus";
import { logger } from "@/lib/logger";
import { adapterFor } from "@/lib/providers";
import { ingestLockKey, lockAccountsForIngest } from "./account-lock";
import { applyMappedEvent } from "./apply";
import { failEvent, finishEvent, retryEventLater, type ClaimedEvent } from "./event-log";
import { forgetAccountId, forgetAccountIds, StaleAccountIdError } from "./account-ids";
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

export class LeaseLostError extends Error {}

/** A payload that would change another account than the one its event is logged under. */
export class MisaddressedEventError extends Error {}

export function mapEvent(event: ClaimedEvent): MappedEvent | null {
  const adapter = adapterFor(event.provider);
  if (!adapter)
    throw new ZodError([
      { code: "custom", path: ["provider"], message: `unknown provider ${event.provider}`, input: event.provider },
    ]);
  const payload = readStoredDelivery(event.rawBody);
  const mapped = adapter.map(payload);
  // An event is logged under the account its envelope names, and that account's people are who
  // see it in the event log: it may change no other, whatever a mapping reads from elsewhere in
  // the payload (#25, 13). A row stored without one is addressed as its body reads today.
  const addressedTo = event.accountExternalId ?? adapter.envelope(payload).accountExternalId;
  if (mapped && (mapped.account.provider !== adapter.name || mapped.account.externalId !== addressedTo)) {
    throw new MisaddressedEventError(
      `the payload changes ${mapped.account.provider} account ${JSON.stringify(mapped.account.externalId)} but is ` +
        `addressed to ${JSON.stringify(addressedTo)}: a webhook may only change the account it is addressed to`,
    );
  }
  return mapped;
}

async function applyOnce(event: ClaimedEvent, mapped: MappedEvent | null) {
  const prisma = await getPrisma();
  return prisma.$transaction(
    async (tx) => {
      // The account's ingest lock first, as a batch takes it (./account-lock.ts), so the two queue.
      if (mapped) await lockAccountsForIngest(tx, [ingestLockKey(mapped)]);
      // The outcome next: it locks the event row and proves the lease is still ours.
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
    // A payload that fails its schema, or is addressed to another account than it changes,
    // fails the same way next time; a bug in mapping may be fixed.
    return settleFailure(event, error, error instanceof ZodError || error instanceof MisaddressedEventError);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const applied = await applyOnce(event, mapped);
      if (applied) publishConversationChanges(applied.accountId, applied.conversationIds);
      return mapped ? "processed" : "ignored";
    } catch (error) {
      if (error instanceof LeaseLostError) return "lost-lease";
      if (isDatabaseUnavailable(error)) return "database-unavailable";
      // Two events creating the same new row at once: the loser's retry finds it. A deadlock
      // PostgreSQL broke is no fault of the event either: run it again now, not in minutes.
      if ((isUniqueViolation(error) || isTransientConflict(error)) && attempt < 3) continue;
      if (isForeignKeyViolation(error) && attempt < 3) {
        forgetAccountIds();
        continue;
      }
      // The cached account was deleted: forget it; the next attempt recreates the account.
      if (error instanceof StaleAccountIdError && attempt < 3) {
        forgetAccountId(error.accountId);
        continue;
      }
      return settleFailure(event, error, false);
    }
  }
}

export async function settleFailure(event: ClaimedEvent, error: unknown, permanent: boolean): Promise<EventOutcome> {
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
