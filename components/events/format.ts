import { format } from "date-fns";
import { showableDate, UNKNOWN_TIME } from "@/lib/format";
import type { BadgeTone } from "@/components/ui/badge";
import type { EventStatus } from "@/lib/vocabulary";

// How the event log names and colours things (browser-safe).

export const PROVIDER_LABELS: Record<string, string> = { highlevel: "HighLevel", voxity: "Voxity" };
export const providerLabel = (provider: string) => PROVIDER_LABELS[provider] ?? provider;

export const STATUS_LABELS: Record<EventStatus, string> = {
  received: "Received",
  processing: "Processing",
  processed: "Processed",
  failed: "Failed",
  ignored: "Ignored",
};

// Each status's badge tone (the Badge primitive keeps every tone readable, AA, in both themes).
export const STATUS_TONES: Record<EventStatus, BadgeTone> = {
  received: "accent",
  processing: "warning",
  processed: "success",
  failed: "danger",
  ignored: "neutral",
};

/** "42 s", "3 min 5 s", "2 h 10 min": how long the oldest waiting event has waited. */
export function formatLag(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  const days = Math.floor(seconds / 86_400);
  const hours = `${Math.floor((seconds % 86_400) / 3600)} h`;
  return days > 0 ? `${days} d ${hours}` : `${hours} ${Math.floor((seconds % 3600) / 60)} min`;
}

export const formatWhen = (iso: string | null) => {
  const date = showableDate(iso);
  return date ? format(date, "MMM d, HH:mm:ss") : UNKNOWN_TIME;
};
export const formatFull = (iso: string | null) => {
  const date = showableDate(iso);
  return date ? format(date, "yyyy-MM-dd HH:mm:ss") : UNKNOWN_TIME;
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

/** Rows and scroll areas draw their focus ring inside: an outer one is clipped by the card's edge. */
export const FOCUS_RING = "outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-focus";
