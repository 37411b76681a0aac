import { EventEmitter } from "node:events";
import { type ChangeKind, relayToOtherInstances, startRelay } from "./postgres-relay";

// Fan-out of "conversations changed" to open live streams: local subscribers, and other app
// instances through PostgreSQL NOTIFY (lib/live/postgres-relay.ts). It only nudges: the page
// refetches through the read API, so a missed nudge costs a delay, never a lost message.
// Changes are coalesced per account (a burst of 500 messages is one nudge per conversation
// per window, not 500 wake-ups of every stream) and each batch is serialised once for all
// streams. Kept on globalThis because Next bundles each route separately.

export const COALESCE_MS = 250;
/** More changed conversations than this in one window and streams get one "resync" instead. */
export const RESYNC_ABOVE = 25;

export interface ConversationChanges {
  /** Whose conversations: streams pass on only their viewer's accounts' changes. */
  accountId: string;
  conversationIds: string[];
  /** The server-sent events for them, encoded once and shared by every stream. */
  sse: Uint8Array;
}

interface BusState {
  emitter: EventEmitter;
  pending: Map<string, Set<string>>;
  flushTimer: NodeJS.Timeout | null;
}

const globalForBus = globalThis as unknown as { threadlineLiveBus?: BusState };

function bus(): BusState {
  if (!globalForBus.threadlineLiveBus) {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    globalForBus.threadlineLiveBus = { emitter, pending: new Map(), flushTimer: null };
  }
  return globalForBus.threadlineLiveBus;
}

const encoder = new TextEncoder();

/** Tells this instance's subscribers only (what the relay calls for other instances' changes). */
export function emitLocally(
  accountId: string,
  conversationIds: readonly string[],
  kind: ChangeKind = "conversations",
): void {
  const { emitter } = bus();
  if (conversationIds.length === 0 || emitter.listenerCount("changes") === 0) return;
  // One event per batch. A burst touching many conversations becomes "resync": the page
  // refetches what it shows, instead of every stream carrying (and every page fetching) each id.
  // A presence nudge only makes pages showing that conversation ask who is there.
  const text =
    kind === "presence"
      ? `event: presence\ndata: ${JSON.stringify({ conversationIds })}\n\n`
      : conversationIds.length > RESYNC_ABOVE
        ? "event: resync\ndata: {}\n\n"
        : `event: conversations\ndata: ${JSON.stringify({ conversationIds })}\n\n`;
  emitter.emit("changes", {
    accountId,
    conversationIds: [...conversationIds],
    sse: encoder.encode(text),
  } satisfies ConversationChanges);
}

function flush(): void {
  const state = bus();
  state.flushTimer = null;
  const batches = [...state.pending];
  state.pending.clear();
  for (const [accountId, ids] of batches) {
    emitLocally(accountId, [...ids]);
    relayToOtherInstances(accountId, [...ids]);
  }
}

/** Queues a nudge; within COALESCE_MS every change of one account goes out as one batch. */
export function publishConversationChanges(accountId: string, conversationIds: readonly string[]): void {
  if (conversationIds.length === 0) return;
  const state = bus();
  const ids = state.pending.get(accountId) ?? new Set<string>();
  for (const id of conversationIds) ids.add(id);
  state.pending.set(accountId, ids);
  if (!state.flushTimer) {
    state.flushTimer = setTimeout(flush, COALESCE_MS);
    state.flushTimer.unref();
  }
}

/** Someone opened, left or started/stopped typing in a conversation: sent at once, not coalesced. */
export function publishPresence(accountId: string, conversationId: string): void {
  emitLocally(accountId, [conversationId], "presence");
  relayToOtherInstances(accountId, [conversationId], "presence");
}

export function subscribeToConversationChanges(listener: (changes: ConversationChanges) => void): () => void {
  startRelay(emitLocally);
  bus().emitter.on("changes", listener);
  return () => bus().emitter.off("changes", listener);
}

/** Whether `listener` still hears changes (resetLiveBus drops every subscriber). */
export function isSubscribed(listener: (changes: ConversationChanges) => void): boolean {
  return bus().emitter.listeners("changes").includes(listener);
}

/** Drops nudges not yet sent and every subscriber: a process starting over (test files share one). */
export function resetLiveBus(): void {
  const state = globalForBus.threadlineLiveBus;
  if (!state) return;
  if (state.flushTimer) clearTimeout(state.flushTimer);
  state.flushTimer = null;
  state.pending.clear();
  state.emitter.removeAllListeners();
}
