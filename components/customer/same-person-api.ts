"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/api/api-fetch";
import type { SamePerson } from "@/lib/customers/same-person";
import type { SamePersonDecision } from "@/lib/customers/same-person-links";

// "Also in: …" beside a conversation (lib/customers/same-person.ts) and an owner's answer to it.

export type { SamePerson } from "@/lib/customers/same-person";

const url = (customerId: string) => `/api/customers/${encodeURIComponent(customerId)}/same-person`;
const samePersonKey = (customerId: string) => ["same-person", customerId] as const;

export function useSamePerson(customerId: string) {
  return useQuery({
    queryKey: samePersonKey(customerId),
    queryFn: ({ signal }) => apiFetch<{ matches: SamePerson[]; canDecide: boolean }>(url(customerId), { signal }),
  });
}

export function useDecideSamePerson(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SamePersonDecision) =>
      apiFetch<{ decision: SamePersonDecision["decision"] }>(url(customerId), { method: "POST", body: input }),
    // Both sides' panels change: the other customer's answer names this one.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["same-person"] }),
  });
}
