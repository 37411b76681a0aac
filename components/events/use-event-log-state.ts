"use client";

import { parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useMemo } from "react";
import { PROVIDERS } from "@/lib/channels";
import { EVENT_LOG_STATUSES } from "@/lib/ingest/event-log-types";
import type { EventFilters } from "./api-client";

// Filters and the open event live in the URL, so a link shows the same view (and reload keeps it).

const parsers = {
  status: parseAsStringLiteral(EVENT_LOG_STATUSES),
  provider: parseAsStringLiteral(PROVIDERS),
  event: parseAsString,
};

export function useEventLogState() {
  const [state, setState] = useQueryStates(parsers, { history: "replace" });
  const { status, provider } = state;
  const filters: EventFilters = useMemo(() => ({ status, provider }), [status, provider]);
  return {
    filters,
    selectedId: state.event,
    select: (event: string | null) => setState({ event }, { history: "push" }),
    setStatus: (status: (typeof EVENT_LOG_STATUSES)[number] | null) => setState({ status }),
    setProvider: (provider: (typeof PROVIDERS)[number] | null) => setState({ provider }),
  };
}
export type EventLogState = ReturnType<typeof useEventLogState>;
