"use client";

import { createParser, parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useMemo } from "react";
import { type ProviderName, providerSchema } from "@/lib/vocabulary";
import { EVENT_LOG_STATUSES } from "@/lib/ingest/event-log-types";
import type { EventFilters } from "./api-client";

// Filters and the open event live in the URL, so a link shows the same view (and reload keeps it).

const parsers = {
  status: parseAsStringLiteral(EVENT_LOG_STATUSES),
  // An old link that names the provider by its former id still filters (providerSchema takes aliases).
  provider: createParser<ProviderName>({
    parse: (value) => providerSchema.safeParse(value).data ?? null,
    serialize: (value) => value,
  }),
  event: parseAsString,
};

type Status = (typeof EVENT_LOG_STATUSES)[number];
type Provider = ProviderName;

/** Memoised like useInboxState: a new object only when the URL changes, setters always the same. */
export function useEventLogState() {
  const [state, setState] = useQueryStates(parsers, { history: "replace" });
  const { status, provider, event: selectedId } = state;
  const filters: EventFilters = useMemo(() => ({ status, provider }), [status, provider]);
  const actions = useMemo(
    () => ({
      select: (event: string | null) => setState({ event }, { history: "push" }),
      setStatus: (value: Status | null) => setState({ status: value }),
      setProvider: (value: Provider | null) => setState({ provider: value }),
    }),
    [setState],
  );
  return useMemo(() => ({ filters, selectedId, ...actions }), [filters, selectedId, actions]);
}
export type EventLogState = ReturnType<typeof useEventLogState>;
