"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callRoute } from "@/components/api/call-route";
import type { ReceivedOf } from "@/lib/contracts/define-route";
import {
  apiTokensRoute,
  clearHighLevelTokenRoute,
  highLevelTokenRoute,
  invitationsRoute,
  inviteRoute,
  issueApiTokenRoute,
  renameAccountRoute,
  revokeApiTokenRoute,
  setHighLevelTokenRoute,
} from "@/lib/contracts/settings";
import type { ApiTokenScope } from "@/lib/vocabulary";

// Settings' API calls as react-query hooks, like the inbox's: the token list is a query, and
// issuing or revoking a token invalidates it so the list shows the change.

export type TokenRow = ReceivedOf<typeof apiTokensRoute>["tokens"][number];

export type InvitationRole = "member" | "owner";

export const settingsKeys = {
  tokens: (accountId: string) => ["accounts", accountId, "tokens"] as const,
  invitations: (accountId: string) => ["accounts", accountId, "invitations"] as const,
};

export function useApiTokens(accountId: string) {
  return useQuery({
    queryKey: settingsKeys.tokens(accountId),
    queryFn: ({ signal }) => callRoute(apiTokensRoute, { params: { id: accountId } }, { signal }),
    select: (data) => data.tokens,
  });
}

export function useIssueToken(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; scope: ApiTokenScope }) =>
      callRoute(issueApiTokenRoute, { params: { id: accountId }, body: input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: settingsKeys.tokens(accountId) }),
  });
}

export function useRevokeToken(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => callRoute(revokeApiTokenRoute, { params: { id: accountId, tokenId } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: settingsKeys.tokens(accountId) }),
  });
}

export type CreatedInvitation = ReceivedOf<typeof inviteRoute>;

/** Invites an address; the invitation list refetches to show its mail's progress. */
export function useCreateInvitation(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: InvitationRole }) =>
      callRoute(inviteRoute, { params: { id: accountId }, body: input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: settingsKeys.invitations(accountId) }),
  });
}

export type InvitationRow = ReceivedOf<typeof invitationsRoute>["invitations"][number];

/** Recent invitations; while a mail is still on its way the list looks again every few seconds. */
export function useInvitations(accountId: string) {
  return useQuery({
    queryKey: settingsKeys.invitations(accountId),
    queryFn: ({ signal }) => callRoute(invitationsRoute, { params: { id: accountId } }, { signal }),
    select: (data) => data.invitations,
    refetchInterval: (query) =>
      query.state.data?.invitations.some((row) => row.mail?.status === "pending" || row.mail?.status === "sending")
        ? 5_000
        : false,
  });
}

/** Names the account; an empty name goes back to the provider's. */
export function useRenameAccount(accountId: string) {
  return useMutation({
    mutationFn: (displayName: string) =>
      callRoute(renameAccountRoute, { params: { id: accountId }, body: { displayName } }),
  });
}

const highLevelTokenKey = (accountId: string) => ["accounts", accountId, "highlevel-token"] as const;

/** Whether the account has a HighLevel API token and how its last use went; polls while the first try runs. */
export function useHighLevelToken(accountId: string) {
  return useQuery({
    queryKey: highLevelTokenKey(accountId),
    queryFn: ({ signal }) => callRoute(highLevelTokenRoute, { params: { id: accountId } }, { signal }),
    refetchInterval: (query) => {
      const status = query.state.data;
      return status?.set && !status.succeededAt && !status.lastError ? 2_000 : false;
    },
  });
}

/** Stores a token (a string) or forgets it (null); the answer is the new status. */
export function useChangeHighLevelToken(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string | null) =>
      token === null
        ? callRoute(clearHighLevelTokenRoute, { params: { id: accountId } })
        : callRoute(setHighLevelTokenRoute, { params: { id: accountId }, body: { token } }),
    onSuccess: (status) => queryClient.setQueryData(highLevelTokenKey(accountId), status),
  });
}
