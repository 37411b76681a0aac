"use client";

import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Panel } from "@/components/ui/panel";
import { LoadError, Loading } from "@/components/ui/query-state";
import type { EventRow } from "@/lib/ingest/event-log-types";
import { FOCUS_RING, formatWhen, providerLabel } from "./format";
import { useEventList } from "./queries";
import { StatusBadge } from "./status-badge";
import type { EventLogState } from "./use-event-log-state";

function accountLabel(event: EventRow): string {
  if (event.accountExternalId === null) return "no account named";
  if (event.accountId === null) return `${event.accountExternalId} (no such account yet)`;
  return event.accountName ? `${event.accountName} (${event.accountExternalId})` : event.accountExternalId;
}

function Row({ event, selected, onSelect }: { event: EventRow; selected: boolean; onSelect: () => void }) {
  return (
    <li>
      <button
        type="button"
        onClick={onSelect}
        aria-current={selected ? "true" : undefined}
        data-testid="event-row"
        className={cn(
          "flex w-full flex-col gap-0.5 px-3 py-2 text-left",
          FOCUS_RING,
          selected ? "bg-accent-soft" : "hover:bg-surface-hover",
        )}
      >
        <span className="flex items-center gap-2">
          <StatusBadge status={event.status} />
          <span className="min-w-0 truncate text-sm font-medium">{event.eventType ?? "(no type)"}</span>
          <span className="ml-auto shrink-0 text-xs text-text-muted">{formatWhen(event.receivedAt)}</span>
        </span>
        <span className="truncate text-xs text-text-muted">
          {providerLabel(event.provider)} · {accountLabel(event)} · {event.attempts} attempt
          {event.attempts === 1 ? "" : "s"}
        </span>
        {event.error && event.status !== "processed" && (
          <span className="truncate text-xs text-danger" data-testid="event-error">
            {event.error}
          </span>
        )}
      </button>
    </li>
  );
}

/** The events matching the filters, newest first, a page at a time. */
export function EventList({ state, poll }: { state: EventLogState; poll: boolean }) {
  const list = useEventList(state.filters, poll);
  const events = list.data?.pages.flatMap((page) => page.events) ?? [];
  return (
    <Panel aria-labelledby="events-heading" className="flex min-w-0 flex-col">
      <h2 id="events-heading" className="border-b border-border px-3 py-2 text-sm font-semibold">
        Events
      </h2>
      {list.isPending ? (
        <Loading what="events" />
      ) : list.isError ? (
        <LoadError what="events" error={list.error} onRetry={() => void list.refetch()} />
      ) : events.length === 0 ? (
        <p className="p-4 text-sm text-text-muted" data-testid="no-events">
          No events match these filters.
        </p>
      ) : (
        <ul className="divide-y divide-border-subtle" aria-label="Events, newest first">
          {events.map((event) => (
            <Row
              key={event.id}
              event={event}
              selected={event.id === state.selectedId}
              onSelect={() => state.select(event.id)}
            />
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <Button
          variant="ghost"
          onClick={() => {
            if (!list.isFetchingNextPage) void list.fetchNextPage();
          }}
          aria-disabled={list.isFetchingNextPage}
          className={cn("rounded-none border-t border-border py-2 text-accent", FOCUS_RING)}
        >
          {list.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      )}
    </Panel>
  );
}
