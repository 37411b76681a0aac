"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/api/api-fetch";
import type { Label } from "@/components/inbox-data/api-types";

// Labels from the browser: the viewer's accounts' labels (the list's filter), an account's labels
// for its owners to manage, and putting one on a conversation or taking it off.

export type ScopedLabel = Label & { accountId: string };
export interface LabelChangeAnswer {
  on: boolean;
  changed: boolean;
}

export const labelKeys = {
  inScope: () => ["labels"] as const,
};

export function useLabelsInScope() {
  return useQuery({
    queryKey: labelKeys.inScope(),
    queryFn: ({ signal }) => apiFetch<{ labels: ScopedLabel[] }>("/api/labels", { signal }),
    select: (answer) => answer.labels,
    staleTime: 60_000,
  });
}

const conversationLabelPath = (id: string, labelId: string) =>
  `/api/conversations/${encodeURIComponent(id)}/labels/${encodeURIComponent(labelId)}`;

export const putConversationLabel = (id: string, labelId: string, on: boolean) =>
  apiFetch<LabelChangeAnswer>(conversationLabelPath(id, labelId), { method: on ? "PUT" : "DELETE" });

const accountPath = (accountId: string, labelId?: string) =>
  `/api/accounts/${encodeURIComponent(accountId)}/labels${labelId ? `/${encodeURIComponent(labelId)}` : ""}`;

export const createAccountLabel = (accountId: string, input: { name: string; color: Label["color"] }) =>
  apiFetch<{ label: Label }>(accountPath(accountId), { method: "POST", body: input });
export const deleteAccountLabel = (accountId: string, labelId: string) =>
  apiFetch<null>(accountPath(accountId, labelId), { method: "DELETE" });
