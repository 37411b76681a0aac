import { format } from "date-fns";
import type { EventStatus } from "@/lib/vocabulary";

// How the event log names and colours things (browser-safe).

export const PROVIDER_LABELS: Record<string, string> = { leadconnector: "HighLevel", voxity: "Voxity" };
export const providerLabel = (provider: string) => PROVIDER_LABELS[provider] ?? provider;

export const STATUS_LABELS: Record<EventStatus, string> = {
  received: "Received",
  processing: "Processing",
  processed: "Processed",
  failed: "Failed",
  ignored: "Ignored",
};

// Dark text on a light tint: readable (AA) for every status.
export const STATUS_STYLES: Record<EventStatus, string> = {
  received: "bg-sky-100 text-sky-900",
  processing: "bg-amber-100 text-amber-900",
  processed: "bg-green-100 text-green-900",
  failed: "bg-red-100 text-red-900",
  ignored: "bg-slate-200 text-slate-800",
};

/** "42 s", "3 min 5 s", "2 h 10 min": how long the oldest waiting event has waited. */
export function formatLag(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  const days = Math.floor(seconds / 86_400);
  const hours = `${Math.floor((seconds % 86_400) / 3600)} h`;
  return days > 0 ? `${days} d ${hours}` : `${hours} ${Math.floor((seconds % 3600) / 60)} min`;
}

export const formatWhen = (iso: string) => format(new Date(iso), "MMM d, HH:mm:ss");
export const formatFull = (iso: string) => format(new Date(iso), "yyyy-MM-dd HH:mm:ss");

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
}

/**
 * The page's primary buttons: Settings' dark style, with a focus ring a keyboard user can see.
 * They are aria-disabled, never disabled: a disabled button drops the keyboard focus to <body>.
 */
export const BUTTON_CLASS =
  "inline-flex items-center justify-center gap-1 rounded bg-slate-900 px-2 py-1 text-sm font-semibold text-white "
  + "hover:bg-slate-700 aria-disabled:cursor-not-allowed aria-disabled:opacity-60 "
  + "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600";

export const FOCUS_RING = "outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-blue-600";
