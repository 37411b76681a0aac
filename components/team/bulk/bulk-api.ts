"use client";

import { useQuery } from "@tanstack/react-query";
import { callRoute } from "@/components/api/call-route";
import { type ListFilters, listQueryParams } from "@/components/inbox-data/api-client";
import type { BulkRequest } from "@/lib/bulk-actions/validations";
import { bulkActionRoute, bulkMatchingRoute, membersInScopeRoute, undoBulkActionRoute } from "@/lib/contracts/team";

// The bulk-action routes from the browser: apply one action to a selection, undo it, count what
// "select all matching" would take, and the people a bulk Assign can offer.

/** The request as JSON: a snooze's time travels as an ISO string. */
export type BulkRequestBody = {
  target: BulkRequest["target"];
  action: Exclude<BulkRequest["action"], { kind: "snooze" }> | { kind: "snooze"; until: string };
};

export const postBulkAction = (body: BulkRequestBody) => callRoute(bulkActionRoute, { body });

export const undoBulkAction = (id: string) => callRoute(undoBulkActionRoute, { params: { id } });

/** The list's query as "all matching" sends it. */
export const matchingQuery = (filters: ListFilters) => listQueryParams(filters).toString();

export function useMatchingCount(filters: ListFilters, enabled: boolean) {
  const query = matchingQuery(filters);
  return useQuery({
    queryKey: ["conversations", "bulk-matching", query],
    queryFn: ({ signal }) => callRoute(bulkMatchingRoute, { query: { query } }, { signal }),
    enabled,
    staleTime: 10_000,
  });
}

export function useMembersInScope(enabled: boolean) {
  return useQuery({
    queryKey: ["members"],
    queryFn: ({ signal }) => callRoute(membersInScopeRoute, {}, { signal }),
    select: (answer) => answer.members,
    enabled,
    staleTime: 60_000,
  });
}
