"use client";

import { useQuery } from "@tanstack/react-query";
import { callRoute } from "@/components/api/call-route";
import { createLabelRoute, deleteLabelRoute } from "@/lib/contracts/settings";
import { labelConversationRoute, labelsInScopeRoute, unlabelConversationRoute } from "@/lib/contracts/team";
import type { Label } from "@/components/inbox-data/api-types";

// Labels from the browser: the viewer's accounts' labels (the list's filter), an account's labels
// for its owners to manage, and putting one on a conversation or taking it off.

export type ScopedLabel = Label & { accountId: string };

export const labelKeys = {
  inScope: () => ["labels"] as const,
};

export function useLabelsInScope() {
  return useQuery({
    queryKey: labelKeys.inScope(),
    queryFn: ({ signal }) => callRoute(labelsInScopeRoute, {}, { signal }),
    select: (answer) => answer.labels,
    staleTime: 60_000,
  });
}

export const putConversationLabel = (id: string, labelId: string, on: boolean) =>
  callRoute(on ? labelConversationRoute : unlabelConversationRoute, { params: { id, labelId } });

export const createAccountLabel = (accountId: string, input: { name: string; color: Label["color"] }) =>
  callRoute(createLabelRoute, { params: { id: accountId }, body: input });
export const deleteAccountLabel = (accountId: string, labelId: string) =>
  callRoute(deleteLabelRoute, { params: { id: accountId, labelId } });
