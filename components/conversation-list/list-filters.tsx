"use client";

import { Search, X } from "lucide-react";
import { useEffect, useState, type RefObject } from "react";
import type { Channel, Direction } from "@/lib/channels";
import { CHANNEL_META, ChannelIcon, FILTER_CHANNELS } from "@/components/inbox/channel-meta";
import { hasActiveFilters, type InboxState } from "@/components/inbox/use-inbox-state";

const SEARCH_DEBOUNCE_MS = 250;

export function ListFilters({ inbox, searchRef }: { inbox: InboxState; searchRef: RefObject<HTMLInputElement | null> }) {
  const { filters } = inbox;
  const [text, setText] = useState(filters.q);
  useEffect(() => setText(filters.q), [filters.q]);
  useEffect(() => {
    if (text === filters.q) return;
    const timer = setTimeout(() => inbox.setQuery(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filters.q, inbox]);

  const toggleChannel = (channel: Channel) => {
    const selected = filters.channels as Channel[];
    inbox.setChannels(selected.includes(channel) ? selected.filter((c) => c !== channel) : [...selected, channel]);
  };
  const active = hasActiveFilters(filters);

  return (
    <div className="space-y-2 border-b border-slate-200 p-3">
      <form role="search" onSubmit={(event) => { event.preventDefault(); inbox.setQuery(text.trim()); }} className="relative">
        <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-slate-500" aria-hidden />
        <label htmlFor="inbox-search" className="sr-only">Search messages, subjects, names, phones and emails</label>
        <input
          id="inbox-search"
          ref={searchRef}
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Search  ( / )"
          className="w-full rounded-md border border-slate-300 bg-white py-2 pl-8 pr-2 text-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-200"
        />
      </form>
      <fieldset>
        <legend className="sr-only">Channels</legend>
        <div className="flex flex-wrap gap-1">
          {FILTER_CHANNELS.map((channel) => {
            const on = filters.channels.includes(channel);
            return (
              <button
                key={channel}
                type="button"
                aria-pressed={on}
                onClick={() => toggleChannel(channel)}
                className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs ${on ? "border-blue-700 bg-blue-700 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}
              >
                <ChannelIcon channel={channel} className="size-3.5" decorative />
                {CHANNEL_META[channel].label}
              </button>
            );
          })}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <fieldset className="inline-flex overflow-hidden rounded-md border border-slate-300">
          <legend className="sr-only">Direction</legend>
          {([null, "inbound", "outbound"] as Array<Direction | null>).map((direction) => (
            <button
              key={direction ?? "all"}
              type="button"
              aria-pressed={filters.direction === direction}
              onClick={() => inbox.setDirection(direction)}
              className={`px-2 py-1 ${filters.direction === direction ? "bg-slate-800 text-white" : "bg-white text-slate-700 hover:bg-slate-100"}`}
            >
              {direction === null ? "All" : direction === "inbound" ? "Inbound" : "Outbound"}
            </button>
          ))}
        </fieldset>
        <label className="inline-flex items-center gap-1 text-slate-700">
          <input type="checkbox" checked={filters.unread} onChange={(event) => inbox.setUnread(event.target.checked)} />
          Unread only
        </label>
        {active && (
          <button type="button" onClick={inbox.clearFilters} className="ml-auto inline-flex items-center gap-1 text-slate-600 underline">
            <X className="size-3" aria-hidden /> Clear filters
          </button>
        )}
      </div>
      {filters.customerId && <p className="text-xs text-slate-600">Showing one customer&rsquo;s conversations.</p>}
    </div>
  );
}
