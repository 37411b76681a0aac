"use client";

import { Search, X } from "lucide-react";
import { useEffect, useId, useState, type RefObject } from "react";
import type { Channel, Direction } from "@/lib/vocabulary";
import { CHANNEL_META, ChannelIcon, FILTER_CHANNELS } from "@/components/inbox-data/channel-meta";
import { hasActiveFilters, type InboxState } from "@/components/inbox-data/use-inbox-state";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Pill } from "@/components/ui/pill";
import { SavedViews } from "@/components/team/saved-views";
import { AccountFilter } from "./account-filter";
import { FiltersToggle } from "./filters-toggle";
import { LabelFilter } from "./label-filter";
import { ViewTabs } from "./view-tabs";

const SEARCH_DEBOUNCE_MS = 250;
const DIRECTIONS: Array<{ value: Direction | null; label: string }> = [
  { value: null, label: "All" },
  { value: "inbound", label: "Inbound" },
  { value: "outbound", label: "Outbound" },
];

/** The search box's text: typed here, sent to the URL after a pause, and reset when the URL changes (Back, Clear). */
function useSearchText(query: string, setQuery: (q: string) => void) {
  const [text, setText] = useState(query);
  // Adjusting state while rendering (React's pattern for "reset when a prop changes"): no effect,
  // so no extra render with the stale text. The debounce's own update arrives trimmed: keep the
  // box as typed then, or a space typed between two words would vanish under the cursor.
  const [seenQuery, setSeenQuery] = useState(query);
  if (query !== seenQuery) {
    setSeenQuery(query);
    if (query !== text.trim()) setText(query);
  }
  useEffect(() => {
    if (text === query) return;
    const timer = setTimeout(() => setQuery(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, query, setQuery]);
  return [text, setText] as const;
}

export function ListFilters({
  inbox,
  searchRef,
}: {
  inbox: InboxState;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const { filters, setQuery } = inbox;
  const [text, setText] = useSearchText(filters.q, setQuery);

  const toggleChannel = (channel: Channel) => {
    const selected = filters.channels as Channel[];
    inbox.setChannels(selected.includes(channel) ? selected.filter((c) => c !== channel) : [...selected, channel]);
  };
  const active = hasActiveFilters(filters);
  const [expanded, setExpanded] = useState(false);
  const panelId = useId();

  return (
    <div className="space-y-2 border-b border-border p-3" data-testid="list-filters">
      <div className="flex items-center gap-2">
        <search className="min-w-0 flex-1">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              setQuery(text.trim());
            }}
            className="relative"
          >
            <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-text-muted" aria-hidden />
            <label htmlFor="inbox-search" className="sr-only">
              Search messages, subjects, names, phones and emails
            </label>
            <Input
              id="inbox-search"
              ref={searchRef}
              type="search"
              value={text}
              onChange={(event) => setText(event.target.value)}
              placeholder="Search  ( / )"
              className="w-full py-2 pl-8 pr-2"
            />
          </form>
        </search>
        <FiltersToggle
          filters={filters}
          expanded={expanded}
          controls={panelId}
          onToggle={() => setExpanded((open) => !open)}
          className="md:hidden"
        />
      </div>
      {/* Folded on a phone (the list keeps the screen) until the toggle opens it; always open from md up. */}
      <div id={panelId} className={cn("space-y-2", !expanded && "max-md:hidden")}>
        <ViewTabs inbox={inbox} />
        <SavedViews />
        <AccountFilter inbox={inbox} />
        <LabelFilter inbox={inbox} />
        <fieldset>
          <legend className="sr-only">Channels</legend>
          <div className="flex flex-wrap gap-1">
            {FILTER_CHANNELS.map((channel) => (
              <Pill key={channel} pressed={filters.channels.includes(channel)} onClick={() => toggleChannel(channel)}>
                <ChannelIcon channel={channel} className="size-3.5" decorative />
                {CHANNEL_META[channel].filterLabel ?? CHANNEL_META[channel].label}
              </Pill>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <fieldset className="inline-flex gap-1">
            <legend className="sr-only">Direction</legend>
            {DIRECTIONS.map(({ value, label }) => (
              <Pill
                key={value ?? "all"}
                pressed={filters.direction === value}
                onClick={() => inbox.setDirection(value)}
              >
                {label}
              </Pill>
            ))}
          </fieldset>
          <label className="inline-flex items-center gap-1 text-text pointer-coarse:min-h-11">
            <input
              type="checkbox"
              checked={filters.unread}
              onChange={(event) => inbox.setUnread(event.target.checked)}
            />
            Unread only
          </label>
          {active && (
            <Button variant="link" size="sm" onClick={inbox.clearFilters} className="ml-auto gap-1 text-text-muted">
              <X className="size-3" aria-hidden /> Clear filters
            </Button>
          )}
        </div>
      </div>
      {filters.customerId && <p className="text-xs text-text-muted">Showing one customer&rsquo;s conversations.</p>}
      {filters.missedOn && (
        <p className="text-xs text-text-muted" data-testid="missed-on-filter">
          Missed calls on {filters.missedOn.day} ({filters.missedOn.tz}), from Reports.
        </p>
      )}
    </div>
  );
}
