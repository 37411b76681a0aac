"use client";

import { useSearchParams } from "next/navigation";
import type { ConversationCounts } from "@/components/inbox-data/api-types";
import { countFiltersOf, LIST_STATES, type View } from "@/components/inbox-data/api-client";
import { useConversationCounts } from "@/components/inbox-data/queries";
import type { InboxState } from "@/components/inbox-data/use-inbox-state";
import { cn } from "@/components/ui/cn";
import { Pill } from "@/components/ui/pill";

/** The built-in views, their shortcut (README "Triage views") and the count each shows. */
export const VIEW_TABS: Array<{ view: View | null; label: string; count: keyof ConversationCounts; keys?: string }> = [
  { view: null, label: "All", count: "all", keys: "g i" },
  { view: "mine", label: "Mine", count: "mine", keys: "g m" },
  { view: "unassigned", label: "Unassigned", count: "unassigned" },
  { view: "unread", label: "Unread", count: "unread", keys: "g u" },
  { view: "mentions", label: "Mentions", count: "mentions" },
  { view: "needs-reply", label: "Needs reply", count: "needsReply", keys: "g n" },
  { view: "callbacks", label: "Callbacks", count: "callbacks", keys: "g c" },
  { view: "snoozed", label: "Snoozed", count: "snoozed", keys: "g s" },
  { view: "not-delivered", label: "Not delivered", count: "notDelivered" },
  { view: "done", label: "Done", count: "done", keys: "g d" },
];

const STATE_LABELS: Record<(typeof LIST_STATES)[number], string> = { open: "Open", done: "Done", all: "Both" };

/**
 * The view tabs with their counts (refreshed with the lists: their query key lives under
 * "conversations", which every live nudge and triage action invalidates; they follow the active
 * account, channel, direction and label filters), and for All and Unread the open/done choice,
 * open by default (the other views fix it: waiting and callbacks are never done).
 */
export function ViewTabs({ inbox }: { inbox: InboxState }) {
  const counts = useConversationCounts(countFiltersOf(inbox.filters));
  const current = inbox.filters.view;
  const showsState = current === null || current === "unread";
  const search = useSearchParams();
  // Links, not buttons: a view is a place (open it in a new tab, share it), and the thread's
  // "Assign", "Snooze" and "Done" buttons keep names no view shares.
  const hrefFor = (view: View | null) => {
    const params = new URLSearchParams(search.toString());
    params.delete("state");
    if (view) params.set("view", view);
    else params.delete("view");
    return `?${params}`;
  };
  return (
    <div className="space-y-2">
      <nav aria-label="Views">
        <ul className="flex flex-wrap gap-1">
          {VIEW_TABS.map(({ view, label, count, keys }) => {
            const selected = current === view;
            const value = counts.data?.[count];
            return (
              <li key={label}>
                <a
                  href={hrefFor(view)}
                  aria-current={selected ? "page" : undefined}
                  aria-keyshortcuts={keys?.replace(" ", "+").toUpperCase()}
                  data-testid={`view-${view ?? "all"}`}
                  onClick={(event) => {
                    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                    event.preventDefault();
                    inbox.setView(view);
                  }}
                  className={cn(
                    "inline-flex items-center gap-1.5 rounded-control px-2 py-1 text-xs font-medium transition-colors",
                    "pointer-coarse:min-h-11 pointer-coarse:min-w-11 focus-visible:outline-2 focus-visible:outline-focus",
                    selected ? "bg-accent-soft text-accent" : "text-text hover:bg-surface-hover",
                  )}
                >
                  {label}
                  <span
                    data-testid="view-count"
                    className={cn(
                      "min-w-5 rounded-full px-1 text-center tabular-nums text-[11px]",
                      selected ? "bg-accent text-accent-contrast" : "bg-surface-hover text-text-muted",
                    )}
                  >
                    {value === undefined ? "–" : value.toLocaleString()}
                  </span>
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      {showsState && (
        <fieldset className="flex items-center gap-1 text-xs">
          <legend className="sr-only">Open or done</legend>
          <span className="mr-1 text-text-muted" aria-hidden>
            Show
          </span>
          {LIST_STATES.map((state) => (
            <Pill
              key={state}
              pressed={(inbox.filters.state ?? "open") === state}
              onClick={() => inbox.setListState(state === "open" ? null : state)}
            >
              {STATE_LABELS[state]}
            </Pill>
          ))}
        </fieldset>
      )}
    </div>
  );
}
