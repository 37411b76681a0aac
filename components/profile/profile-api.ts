"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/api/api-fetch";
import type { ProfileInput, ProfileView } from "@/lib/profile/validations";

// The signed-in person's own settings (GET/PUT /api/profile): Settings edits them, the composer
// shows the email signature its email replies will carry.

const profileKey = ["profile"] as const;

export function useProfile() {
  return useQuery({
    queryKey: profileKey,
    queryFn: ({ signal }) => apiFetch<{ profile: ProfileView }>("/api/profile", { signal }),
    select: (data) => data.profile,
    staleTime: 60_000,
  });
}

export function useSaveProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProfileInput) =>
      apiFetch<{ profile: ProfileView }>("/api/profile", { method: "PUT", body: input }),
    onSuccess: (data) => queryClient.setQueryData(profileKey, data),
  });
}
