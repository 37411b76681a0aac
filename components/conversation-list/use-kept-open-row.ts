"use client";

import { useMemo, useState } from "react";
import type { ConversationSummary } from "@/components/inbox-data/api-types";
import type { ListFilters } from "@/components/inbox-data/api-client";

interface Kept {
  row: ConversationSummary;
  index: number;
  filtersKey: string;
}

/**
 * The open conversation keeps its place in the list until the filters change. Opening a row
 * under "Unread only" marks it read, and the refetched list no longer has it: the row would
 * vanish under the pointer and j/k would start again from the top. The last seen copy of the
 * open row is put back where it was, for as long as the same filters are shown. Filters are
 * compared by value: opening a row changes the URL, which rebuilds an equal filters object.
 */
export function useKeptOpenRow(
  fetched: ConversationSummary[],
  openId: string | null,
  filters: ListFilters,
): ConversationSummary[] {
  const [kept, setKept] = useState<Kept | null>(null);
  const filtersKey = JSON.stringify(filters);
  const index = openId ? fetched.findIndex((c) => c.id === openId) : -1;
  // Filters changed: let the kept row go at once. Comparing keys alone is not enough: unchecking
  // and re-checking a filter faster than the list loads would bring back the old key, and the row.
  const [seenKey, setSeenKey] = useState(filtersKey);
  if (filtersKey !== seenKey) {
    setSeenKey(filtersKey);
    if (kept && index < 0) setKept(null);
  }
  // Remember it while it is in the list (adjusting state during render: no effect, no extra paint).
  if (index >= 0 && (!kept || kept.row !== fetched[index] || kept.index !== index || kept.filtersKey !== filtersKey)) {
    setKept({ row: fetched[index]!, index, filtersKey });
  }
  return useMemo(() => {
    if (!openId || index >= 0 || !kept || kept.row.id !== openId || kept.filtersKey !== filtersKey) return fetched;
    const rows = [...fetched];
    rows.splice(Math.min(kept.index, rows.length), 0, { ...kept.row, unreadCount: 0 });
    return rows;
  }, [fetched, openId, index, kept, filtersKey]);
}
