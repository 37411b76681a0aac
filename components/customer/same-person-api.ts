"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callRoute } from "@/components/api/call-route";
import { decideSamePersonRoute, samePersonRoute } from "@/lib/contracts/customers";
import type { SamePersonDecision } from "@/lib/customers/validations";

// "Also in: …" beside a conversation (lib/customers/same-person.ts) and an owner's answer to it.

export type { SamePerson } from "@/lib/customers/same-person";

const samePersonKey = (customerId: string) => ["same-person", customerId] as const;

export function useSamePerson(customerId: string) {
  return useQuery({
    queryKey: samePersonKey(customerId),
    queryFn: ({ signal }) => callRoute(samePersonRoute, { params: { id: customerId } }, { signal }),
  });
}

export function useDecideSamePerson(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SamePersonDecision) =>
      callRoute(decideSamePersonRoute, { params: { id: customerId }, body: input }),
    // Both sides' panels change: the other customer's answer names this one.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["same-person"] }),
  });
}
