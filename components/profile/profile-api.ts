"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { callRoute } from "@/components/api/call-route";
import { profileRoute, saveProfileRoute } from "@/lib/contracts/settings";
import type { ProfileInput } from "@/lib/profile/validations";

// The signed-in person's own settings (GET/PUT /api/profile): Settings edits them, the composer
// shows the email signature its email replies will carry.

const profileKey = ["profile"] as const;

export function useProfile() {
  return useQuery({
    queryKey: profileKey,
    queryFn: ({ signal }) => callRoute(profileRoute, {}, { signal }),
    select: (data) => data.profile,
    staleTime: 60_000,
  });
}

export function useSaveProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProfileInput) => callRoute(saveProfileRoute, { body: input }),
    onSuccess: (data) => queryClient.setQueryData(profileKey, data),
  });
}
