"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/api/api-fetch";
import { type ListFilters, listQueryParams } from "@/components/inbox-data/api-client";
import type { BulkActionResult } from "@/lib/bulk-actions/create";
import type { BulkUndoResult } from "@/lib/bulk-actions/undo";
import type { BulkRequest } from "@/lib/bulk-actions/validations";
import type { MemberInScope } from "@/lib/team/members";

// The bulk-action routes from the browser: apply one action to a selection, undo it, count what
// "select all matching" would take, and the people a bulk Assign can offer.

/** The request as JSON: a snooze's time travels as an ISO string. */
export type BulkRequestBody = {
  target: BulkRequest["target"];
  action: Exclude<BulkRequest["action"], { kind: "snooze" }> | { kind: "snooze"; until: string };
};

export const postBulkAction = (body: BulkRequestBody) =>
  apiFetch<{ bulkAction: BulkActionResult }>("/api/bulk-actions", { method: "POST", body });

export const undoBulkAction = (id: string) =>
  apiFetch<BulkUndoResult>(`/api/bulk-actions/${encodeURIComponent(id)}/undo`, { method: "POST" });

/** The list's query as "all matching" sends it. */
export const matchingQuery = (filters: ListFilters) => listQueryParams(filters).toString();

export function useMatchingCount(filters: ListFilters, enabled: boolean) {
  const query = matchingQuery(filters);
  return useQuery({
    queryKey: ["conversations", "bulk-matching", query],
    queryFn: ({ signal }) =>
      apiFetch<{ count: number; capped: boolean; max: number }>(
        `/api/bulk-actions/matching?query=${encodeURIComponent(query)}`,
        { signal },
      ),
    enabled,
    staleTime: 10_000,
  });
}

export function useMembersInScope(enabled: boolean) {
  return useQuery({
    queryKey: ["members"],
    queryFn: ({ signal }) => apiFetch<{ members: MemberInScope[] }>("/api/members", { signal }),
    select: (answer) => answer.members,
    enabled,
    staleTime: 60_000,
  });
}
