"use client";

import { useSearchParams } from "next/navigation";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";

// Which conversations are selected for a bulk action: ticked ones (x, Shift+j/k, a click, a
// Shift+click for a range), or "all matching" the list's filters. A new filter starts afresh:
// a selection made under one filter should never act on rows of another.

export interface Selection {
  ids: ReadonlySet<string>;
  /** "Select all N matching": the action goes to the list's query, not to ids. */
  allMatching: boolean;
  count: number;
  isSelected(id: string): boolean;
  toggle(id: string): void;
  /** Shift+click: every row between the last one toggled and this one, in list order. */
  toggleRange(id: string, order: readonly string[]): void;
  add(ids: readonly string[]): void;
  selectAllMatching(): void;
  clear(): void;
}

const SelectionContext = createContext<Selection | null>(null);

/** The list's filters as the URL holds them: everything but the open conversation and pane. */
function useFilterKey(): string {
  const params = new URLSearchParams(useSearchParams().toString());
  for (const key of ["c", "m", "pane"]) params.delete(key);
  params.sort();
  return params.toString();
}

export function SelectionProvider({ children }: { children: ReactNode }) {
  const resetKey = useFilterKey();
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const [anchor, setAnchor] = useState<string | null>(null);
  const [allMatching, setAllMatching] = useState(false);
  const [selectedUnder, setSelectedUnder] = useState(resetKey);
  // Adjusted while rendering (not in an effect): no frame ever shows the old selection on new rows.
  if (selectedUnder !== resetKey) {
    setSelectedUnder(resetKey);
    setIds(new Set());
    setAnchor(null);
    setAllMatching(false);
  }

  const toggle = useCallback((id: string) => {
    setAllMatching(false);
    setAnchor(id);
    setIds((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  const toggleRange = useCallback(
    (id: string, order: readonly string[]) => {
      const from = anchor ? order.indexOf(anchor) : -1;
      const to = order.indexOf(id);
      if (from < 0 || to < 0) return toggle(id);
      const range = order.slice(Math.min(from, to), Math.max(from, to) + 1);
      setAllMatching(false);
      setAnchor(id);
      // The range takes the anchor's state, as in a file manager: select it all, or clear it all.
      setIds((current) => {
        const next = new Set(current);
        const selecting = current.has(order[from]!);
        for (const rowId of range) {
          if (selecting) next.add(rowId);
          else next.delete(rowId);
        }
        return next;
      });
    },
    [anchor, toggle],
  );

  const add = useCallback((more: readonly string[]) => {
    setAllMatching(false);
    setAnchor(more.at(-1) ?? null);
    setIds((current) => new Set([...current, ...more]));
  }, []);

  const clear = useCallback(() => {
    setIds(new Set());
    setAnchor(null);
    setAllMatching(false);
  }, []);

  const value = useMemo<Selection>(
    () => ({
      ids,
      allMatching,
      count: ids.size,
      isSelected: (id) => allMatching || ids.has(id),
      toggle,
      toggleRange,
      add,
      selectAllMatching: () => setAllMatching(true),
      clear,
    }),
    [ids, allMatching, toggle, toggleRange, add, clear],
  );
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

export function useSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("useSelection needs a SelectionProvider above it");
  return selection;
}
