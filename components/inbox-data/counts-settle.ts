import type { QueryClient } from "@tanstack/react-query";

// The view counts are the list's most expensive reads (at a million messages each costs
// PostgreSQL about a second), so what changes them in a run (opening conversation after
// conversation, replying to one after another) fetches them once the person pauses, not after
// every step. read-patch.ts settles what its patch cannot count; a reply settles them all.

/** How long the person pauses (nothing else read or sent meanwhile) before the counts settle. */
export const COUNTS_SETTLE_MS = 2_000;

export const countsPrefix = ["conversations", "counts"] as const;

let settleTimer: ReturnType<typeof setTimeout> | null = null;
const unsettled = new Set<string>();

/** The query `key` is stale; it is fetched again once, COUNTS_SETTLE_MS after the last such call. */
export function settleLater(queryClient: QueryClient, key: readonly unknown[]) {
  void queryClient.invalidateQueries({ queryKey: key, exact: true, refetchType: "none" });
  unsettled.add(JSON.stringify(key));
  if (settleTimer !== null) clearTimeout(settleTimer);
  settleTimer = setTimeout(() => {
    settleTimer = null;
    const keys = [...unsettled].map((json) => JSON.parse(json) as unknown[]);
    unsettled.clear();
    for (const queryKey of keys) void queryClient.refetchQueries({ queryKey, exact: true, type: "active" });
  }, COUNTS_SETTLE_MS);
}

/** Every cached count is stale: fetched once the person pauses. */
export function settleAllCounts(queryClient: QueryClient) {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: countsPrefix }))
    settleLater(queryClient, query.queryKey);
}
