"use client";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/api/api-fetch";
import { type WaveformAnswer, waveformAnswerSchema } from "@/lib/media/waveform-types";

// A recording's waveform, from the server that computed and stored it once
// (GET /api/media/:id/waveform). Recordings never change: fetched once per page, never refreshed.

const MEDIA_ROUTE = /^\/api\/media\/([\w-]+)$/;

/** The waveform URL of a recording served by the media route; null for anything else. */
export function waveformUrlFor(src: string): string | null {
  return MEDIA_ROUTE.test(src) ? `${src}/waveform` : null;
}

export function useWaveform(url: string | null) {
  return useQuery<WaveformAnswer>({
    queryKey: ["waveform", url],
    queryFn: async ({ signal }) => waveformAnswerSchema.parse(await apiFetch<unknown>(url!, { signal })),
    enabled: url !== null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 30 * 60_000,
    retry: 1,
  });
}
