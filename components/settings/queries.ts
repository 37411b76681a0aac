"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/api/api-fetch";

// Settings' API calls as react-query hooks, like the inbox's: the token list is a query, and
// issuing or revoking a token invalidates it so the list shows the change.

export interface TokenRow {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type InvitationRole = "member" | "owner";

const tokensUrl = (accountId: string) => `/api/accounts/${encodeURIComponent(accountId)}/tokens`;

export const settingsKeys = {
  tokens: (accountId: string) => ["accounts", accountId, "tokens"] as const,
};

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
    mutationFn: (name: string) => apiFetch<{ token: string }>(tokensUrl(accountId), { method: "POST", body: { name } }),
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

/** Answers the one-time link the owner passes on; nothing on the page lists invitations, so nothing to invalidate. */
export function useCreateInvitation(accountId: string) {
  return useMutation({
    mutationFn: (input: { email: string; role: InvitationRole }) =>
      apiFetch<{ link: string }>(`/api/accounts/${encodeURIComponent(accountId)}/invitations`, {
        method: "POST",
        body: input,
      }),
  });
}
