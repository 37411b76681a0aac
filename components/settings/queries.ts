"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/api/api-fetch";
import type { HighLevelTokenStatus } from "@/lib/access/highlevel-token";
import type { ApiTokenScope } from "@/lib/vocabulary";

// Settings' API calls as react-query hooks, like the inbox's: the token list is a query, and
// issuing or revoking a token invalidates it so the list shows the change.

export interface TokenRow {
  id: string;
  name: string;
  /** "send": may also send replies. */
  scope: ApiTokenScope;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type InvitationRole = "member" | "owner";

const tokensUrl = (accountId: string) => `/api/accounts/${encodeURIComponent(accountId)}/tokens`;

export const settingsKeys = {
  tokens: (accountId: string) => ["accounts", accountId, "tokens"] as const,
  invitations: (accountId: string) => ["accounts", accountId, "invitations"] as const,
};

const invitationsUrl = (accountId: string) => `/api/accounts/${encodeURIComponent(accountId)}/invitations`;

export function useApiTokens(accountId: string) {
  return useQuery({
    queryKey: settingsKeys.tokens(accountId),
    queryFn: ({ signal }) => apiFetch<{ tokens: TokenRow[] }>(tokensUrl(accountId), { signal }),
    select: (data) => data.tokens,
  });
}

export function useIssueToken(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; scope: ApiTokenScope }) =>
      apiFetch<{ token: string }>(tokensUrl(accountId), { method: "POST", body: input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: settingsKeys.tokens(accountId) }),
  });
}

export function useRevokeToken(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) =>
      apiFetch<{ id: string }>(`${tokensUrl(accountId)}/${encodeURIComponent(tokenId)}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: settingsKeys.tokens(accountId) }),
  });
}

export interface CreatedInvitation {
  email: string;
  /** "mail": on its way to the address; "manual": no SMTP, the owner delivers `link`. */
  delivery: "mail" | "manual";
  link: string | null;
}

/** Invites an address; the invitation list refetches to show its mail's progress. */
export function useCreateInvitation(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: InvitationRole }) =>
      apiFetch<CreatedInvitation>(invitationsUrl(accountId), { method: "POST", body: input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: settingsKeys.invitations(accountId) }),
  });
}

export interface InvitationRow {
  id: string;
  email: string;
  role: InvitationRole;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  mail: {
    status: "pending" | "sending" | "sent" | "failed";
    attempts: number;
    lastError: string | null;
    sentAt: string | null;
    nextAttemptAt: string | null;
  } | null;
}

/** Recent invitations; while a mail is still on its way the list looks again every few seconds. */
export function useInvitations(accountId: string) {
  return useQuery({
    queryKey: settingsKeys.invitations(accountId),
    queryFn: ({ signal }) => apiFetch<{ invitations: InvitationRow[] }>(invitationsUrl(accountId), { signal }),
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
      apiFetch<{ name: string }>(`/api/accounts/${encodeURIComponent(accountId)}`, {
        method: "PATCH",
        body: { displayName },
      }),
  });
}

const highLevelTokenUrl = (accountId: string) => `/api/accounts/${encodeURIComponent(accountId)}/highlevel-token`;
const highLevelTokenKey = (accountId: string) => ["accounts", accountId, "highlevel-token"] as const;

/** Whether the account has a HighLevel API token and how its last use went; polls while the first try runs. */
export function useHighLevelToken(accountId: string) {
  return useQuery({
    queryKey: highLevelTokenKey(accountId),
    queryFn: ({ signal }) => apiFetch<HighLevelTokenStatus>(highLevelTokenUrl(accountId), { signal }),
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
      apiFetch<HighLevelTokenStatus>(
        highLevelTokenUrl(accountId),
        token === null ? { method: "DELETE" } : { method: "PUT", body: { token } },
      ),
    onSuccess: (status) => queryClient.setQueryData(highLevelTokenKey(accountId), status),
  });
}
