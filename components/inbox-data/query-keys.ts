import type { CountFilters, ListFilters } from "./api-client";

// The react-query keys of the read API, shared by the hooks, the thread's loaders and the live updater.

export const queryKeys = {
  conversations: (filters?: ListFilters): readonly unknown[] =>
    filters ? ["conversations", filters] : ["conversations"],
  // Under "conversations": whatever refreshes the lists (a live nudge, a mutation) refreshes the counts.
  counts: (filters: CountFilters) => ["conversations", "counts", filters] as const,
  conversation: (id: string) => ["conversation", id] as const,
  messages: (id: string) => ["messages", id] as const,
  accounts: () => ["accounts"] as const,
};
