"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { PROVIDERS } from "@/lib/vocabulary";
import { EVENT_LOG_STATUSES } from "@/lib/ingest/event-log-types";
import { Select } from "@/components/ui/select";
import { EventDetailPanel } from "./event-detail";
import { EventList } from "./event-list";
import { providerLabel, STATUS_LABELS } from "./format";
import { eventKeys, useEventSummary } from "./queries";
import { JobQueue } from "./job-queue";
import { SendAudit } from "./send-audit";
import { SummaryStrip } from "./summary-strip";
import { useEventLogState, type EventLogState } from "./use-event-log-state";

function Filters({ state }: { state: EventLogState }) {
  return (
    <fieldset className="flex flex-wrap items-center gap-3 text-sm">
      <legend className="sr-only">Filters</legend>
      <label className="flex items-center gap-1">
        Status
        <Select
          className="py-1"
          value={state.filters.status ?? ""}
          onChange={(e) => state.setStatus(EVENT_LOG_STATUSES.find((s) => s === e.target.value) ?? null)}
        >
          <option value="">All</option>
          {EVENT_LOG_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </Select>
      </label>
      <label className="flex items-center gap-1">
        Provider
        <Select
          className="py-1"
          value={state.filters.provider ?? ""}
          onChange={(e) => state.setProvider(PROVIDERS.find((p) => p === e.target.value) ?? null)}
        >
          <option value="">All</option>
          {PROVIDERS.map((provider) => (
            <option key={provider} value={provider}>
              {providerLabel(provider)}
            </option>
          ))}
        </Select>
      </label>
    </fieldset>
  );
}

/** The event log: summary, filters, the list and the selected event, side by side from 768 px, stacked below. */
export function EventLog() {
  const state = useEventLogState();
  const queryClient = useQueryClient();
  const summary = useEventSummary();
  const pending = (summary.data?.backlog ?? 0) > 0;
  const detailRef = useRef<HTMLElement>(null);

  // Polling stops when the backlog empties; one more look so the rows show how they ended.
  const wasPending = useRef(false);
  useEffect(() => {
    if (wasPending.current && !pending) {
      void queryClient.invalidateQueries({ queryKey: eventKeys.lists });
      void queryClient.invalidateQueries({ queryKey: eventKeys.details });
    }
    wasPending.current = pending;
  }, [pending, queryClient]);

  // Stacked (phone) layout: the detail is below the list, so take the reader (and focus) there.
  const selectedId = state.selectedId;
  useEffect(() => {
    if (selectedId && window.matchMedia("(max-width: 767px)").matches) detailRef.current?.focus();
  }, [selectedId]);

  return (
    <main className="mx-auto flex w-full max-w-6xl flex-col gap-4 p-4">
      <h1 className="text-lg font-semibold">Event log</h1>
      <SummaryStrip />
      <Filters state={state} />
      <div className="grid items-start gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <EventList state={state} poll={pending} />
        <EventDetailPanel id={selectedId} poll={pending} panelRef={detailRef} />
      </div>
      <SendAudit />
      <JobQueue />
    </main>
  );
}
