import { EventEmitter } from "node:events";

// In-process fan-out of "conversation changed" to open live streams. It only nudges: the page
// refetches through the read API, so a missed nudge costs a delay, never a lost message.
// Kept on globalThis because Next bundles each route separately.

export interface ConversationChange {
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

export function publishConversationChanges(conversationIds: readonly string[]): void {
  const at = new Date().toISOString();
  for (const conversationId of conversationIds) bus().emit("change", { conversationId, at } satisfies ConversationChange);
}

export function subscribeToConversationChanges(listener: (change: ConversationChange) => void): () => void {
  bus().on("change", listener);
  return () => bus().off("change", listener);
}
