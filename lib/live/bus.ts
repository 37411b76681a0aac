import { EventEmitter } from "node:events";
import { relayToOtherInstances, startRelay } from "./postgres-relay";

// Fan-out of "conversation changed" to open live streams: local subscribers at once, other app
// instances through PostgreSQL NOTIFY (lib/live/postgres-relay.ts). It only nudges: the page
// refetches through the read API, so a missed nudge costs a delay, never a lost message.
// Kept on globalThis because Next bundles each route separately.

export interface ConversationChange {
  /** Which account's conversation: streams pass on only their viewer's accounts' changes. */
  accountId: string;
  conversationId: string;
  at: string;
}

const globalForBus = globalThis as unknown as { threadlineLiveBus?: EventEmitter };

function bus(): EventEmitter {
  if (!globalForBus.threadlineLiveBus) {
    globalForBus.threadlineLiveBus = new EventEmitter();
    globalForBus.threadlineLiveBus.setMaxListeners(0);
  }
  return globalForBus.threadlineLiveBus;
}

/** Tells this instance's subscribers only (what the relay calls for other instances' changes). */
export function emitLocally(accountId: string, conversationIds: readonly string[]): void {
  const at = new Date().toISOString();
  for (const conversationId of conversationIds) bus().emit("change", { accountId, conversationId, at } satisfies ConversationChange);
}

export function publishConversationChanges(accountId: string, conversationIds: readonly string[]): void {
  if (conversationIds.length === 0) return;
  emitLocally(accountId, conversationIds);
  relayToOtherInstances(accountId, conversationIds);
}

export function subscribeToConversationChanges(listener: (change: ConversationChange) => void): () => void {
  startRelay(emitLocally);
  bus().on("change", listener);
  return () => bus().off("change", listener);
}
