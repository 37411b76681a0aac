"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callRoute } from "@/components/api/call-route";
import {
  highLevelSyncRoute,
  linkHighLevelUserRoute,
  refetchHighLevelUsersRoute,
  toggleHighLevelSyncRoute,
} from "@/lib/contracts/settings";
import type { HighLevelSyncView } from "@/lib/team/highlevel-sync/settings";
import type { UserLinkInput } from "@/lib/team/highlevel-sync/validations";

// Settings' calls for assignment synced with HighLevel: every change answers the whole view, which
// replaces the cached one, so the page shows what the server now holds.

const key = (accountId: string) => ["accounts", accountId, "highlevel-sync"] as const;

/** The view; while a users fetch is on its way (asked, nothing back yet) it looks again every few seconds. */
export function useHighLevelSync(accountId: string, waitingForUsers: boolean) {
  return useQuery({
    queryKey: key(accountId),
    queryFn: ({ signal }) => callRoute(highLevelSyncRoute, { params: { id: accountId } }, { signal }),
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
    callRoute(toggleHighLevelSyncRoute, { params: { id: accountId }, body: { enabled } }),
  );

export const useLinkHighLevelUser = (accountId: string) =>
  useViewMutation(accountId, (input: UserLinkInput) =>
    callRoute(linkHighLevelUserRoute, { params: { id: accountId }, body: input }),
  );

export const useRefetchHighLevelUsers = (accountId: string) =>
  useViewMutation(accountId, () => callRoute(refetchHighLevelUsersRoute, { params: { id: accountId } }));
