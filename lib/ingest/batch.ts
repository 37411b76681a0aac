import { getPrisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { publishConversationChanges } from "@/lib/live/bus";
import { storableAtOnce, storeMessagesAtOnce } from "@/lib/messages/store-messages";
import type { MappedEvent, MessageFacts } from "@/lib/providers/contract";
import { afterMessage } from "./after-message";
import { ingestLockKey, lockAccountsForIngest } from "./account-lock";
import { applyMappedEvent, CustomerResolver, resolveAccount } from "./apply";
import { resolveConversations } from "./batch-conversations";
import { finishEvents, type ClaimedEvent } from "./event-log";
import { mapEvent, MisaddressedEventError, processEvent, settleFailure, type EventOutcome } from "./process-event";
import { ZodError } from "zod";

// The worker's fast path: one account's claimed events applied in ONE transaction, in arrival
// order. Their outcomes are recorded by one statement; consecutive plain messages (no call, no
// attachment, each in another conversation) are stored by a few set-based statements for all of
// them (batch-conversations.ts, store-messages.ts), so the per-statement triggers on messages
// run once per run of messages; any other event is applied as on its own (applyMappedEvent).
// If anything in the batch fails, it is rolled back and every event goes through processEvent
// one by one, as before: one bad event never fails its neighbours, and retries, permanent
// failures and lost leases are decided per event exactly as they were.

type Tx = Prisma.TransactionClient;

interface Item {
  event: ClaimedEvent;
  mapped: MappedEvent | null;
}

interface Changes {
  accountId: string;
  conversationIds: string[];
}

const accountKey = (mapped: MappedEvent) => `${mapped.account.provider}:${mapped.account.externalId}`;

/** The message of an event that is only a plain message (and its contact's bare id). */
function plainMessage(mapped: MappedEvent | null): MessageFacts | null {
  if (!mapped) return null;
  let message: MessageFacts | null = null;
  for (const operation of mapped.operations) {
    if (operation.kind === "customer") {
      const { externalId: _e, versionAt: _v, ...fields } = operation.customer;
      if (Object.keys(fields).length > 0) return null;
    } else if (operation.kind === "message" && !message && storableAtOnce(operation.message)) {
      message = operation.message;
    } else return null;
  }
  return message;
}

/** Which of these conversations have a reply waiting for its echo (adoptEchoOfReply then locks and checks again). */
async function repliesWaiting(tx: Tx, conversationIds: string[]): Promise<Set<string>> {
  if (conversationIds.length === 0) return new Set();
  const rows = await tx.$queryRaw<Array<{ conversation_id: string }>>`
    SELECT DISTINCT conversation_id FROM replies WHERE conversation_id = ANY(${conversationIds}::text[])
      AND state IN ('sending', 'unknown') AND provider_message_id IS NULL`;
  return new Set(rows.map((row) => row.conversation_id));
}

/** Stores a run of plain messages of one account (distinct conversations), then each one's follow-up in order. */
async function storeRun(tx: Tx, run: Item[], changes: Changes[]): Promise<void> {
  if (run.length === 0) return;
  const accountId = await resolveAccount(tx, run[0]!.mapped!.account);
  const customers = new CustomerResolver(tx, accountId);
  const facts = run.map((item) => plainMessage(item.mapped)!);
  const conversations = await resolveConversations(tx, accountId, facts, customers);
  const messages = run.map((item, i) => ({
    conversationId: conversations.get(facts[i]!.conversationExternalId)!,
    facts: facts[i]!,
    webhookEventId: item.event.id,
  }));
  const stored = await storeMessagesAtOnce(tx, accountId, messages);
  const waiting = await repliesWaiting(
    tx,
    messages.filter((m, i) => stored[i] && m.facts.direction === "outbound").map((m) => m.conversationId),
  );
  for (const [i, message] of messages.entries()) {
    const conversation = stored[i] ? message.conversationId : null;
    const replyMayWait = conversation !== null && waiting.has(conversation);
    const advanced = await afterMessage(
      tx,
      accountId,
      message.facts,
      { adopted: false, conversation, replyMayWait },
      (id) => customers.idFor(id),
    );
    const ids = [conversation, advanced].filter((id): id is string => id !== null);
    changes.push({ accountId, conversationIds: ids });
  }
  run.length = 0;
}

async function applyBatch(tx: Tx, items: Item[]): Promise<{ lost: Set<string>; changes: Changes[] }> {
  // Taken first: batches and single events of one account queue instead of deadlocking.
  await lockAccountsForIngest(
    tx,
    items.flatMap(({ mapped }) => (mapped ? [ingestLockKey(mapped)] : [])),
  );
  const finished = await finishEvents(
    tx,
    items.map(({ event, mapped }) => ({ event, status: mapped ? "processed" : "ignored" })),
  );
  const lost = new Set(items.filter((item) => !finished.has(item.event.id)).map((item) => item.event.id));
  const changes: Changes[] = [];
  const run: Item[] = [];
  const runKey = (item: Item) => accountKey(item.mapped!);
  for (const item of items) {
    if (lost.has(item.event.id) || !item.mapped) continue;
    const message = plainMessage(item.mapped);
    const joins =
      message &&
      (run.length === 0 ||
        (runKey(run[0]!) === runKey(item) &&
          !run.some((other) => plainMessage(other.mapped)!.conversationExternalId === message.conversationExternalId)));
    if (!joins) await storeRun(tx, run, changes);
    if (message) run.push(item);
    else changes.push(await applyMappedEvent(tx, item.mapped, item.event.id));
  }
  await storeRun(tx, run, changes);
  return { lost, changes };
}

/**
 * Processes one account's claimed events (arrival order) and answers their outcomes in that
 * order. A payload that cannot be used fails at once, as in processEvent, and stays out of the batch.
 */
export async function processEventGroup(events: readonly ClaimedEvent[]): Promise<EventOutcome[]> {
  const outcomes = new Map<string, EventOutcome>();
  const items: Item[] = [];
  for (const event of events) {
    try {
      items.push({ event, mapped: mapEvent(event) });
    } catch (error) {
      const permanent = error instanceof ZodError || error instanceof MisaddressedEventError;
      outcomes.set(event.id, await settleFailure(event, error, permanent));
    }
  }
  if (items.length === 1) outcomes.set(items[0]!.event.id, await processEvent(items[0]!.event));
  else if (items.length > 1) {
    try {
      const prisma = await getPrisma();
      const { lost, changes } = await prisma.$transaction((tx) => applyBatch(tx, items), {
        maxWait: 5_000,
        timeout: 30_000,
      });
      for (const { accountId, conversationIds } of changes)
        if (conversationIds.length > 0) publishConversationChanges(accountId, conversationIds);
      for (const { event, mapped } of items)
        outcomes.set(event.id, lost.has(event.id) ? "lost-lease" : mapped ? "processed" : "ignored");
    } catch {
      // Rolled back: each event on its own, which retries, fails or gives up per event as before.
      for (const { event } of items) outcomes.set(event.id, await processEvent(event));
    }
  }
  return events.map((event) => outcomes.get(event.id)!);
}
