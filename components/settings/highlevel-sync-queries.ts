"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/api/api-fetch";
import type { HighLevelSyncView } from "@/lib/team/highlevel-sync/settings";
import type { UserLinkInput } from "@/lib/team/highlevel-sync/validations";

// Settings' calls for assignment synced with HighLevel: every change answers the whole view, which
// replaces the cached one, so the page shows what the server now holds.

const url = (accountId: string, rest = "") => `/api/accounts/${encodeURIComponent(accountId)}/highlevel-sync${rest}`;
const key = (accountId: string) => ["accounts", accountId, "highlevel-sync"] as const;

/** The view; while a users fetch is on its way (asked, nothing back yet) it looks again every few seconds. */
export function useHighLevelSync(accountId: string, waitingForUsers: boolean) {
  return useQuery({
    queryKey: key(accountId),
    queryFn: ({ signal }) => apiFetch<HighLevelSyncView>(url(accountId), { signal }),
    refetchInterval: waitingForUsers ? 2_000 : false,
  });
}

function useViewMutation<Input>(accountId: string, request: (input: Input) => Promise<HighLevelSyncView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (view) => queryClient.setQueryData(key(accountId), view),
  });
}

export const useSetAssignmentSync = (accountId: string) =>
  useViewMutation(accountId, (enabled: boolean) =>
    apiFetch<HighLevelSyncView>(url(accountId), { method: "PATCH", body: { enabled } }),
  );

export const useLinkHighLevelUser = (accountId: string) =>
  useViewMutation(accountId, (input: UserLinkInput) =>
    apiFetch<HighLevelSyncView>(url(accountId, "/links"), { method: "PUT", body: input }),
  );

export const useRefetchHighLevelUsers = (accountId: string) =>
  useViewMutation(accountId, () => apiFetch<HighLevelSyncView>(url(accountId, "/users"), { method: "POST" }));
