import { format, formatDistanceToNowStrict, isToday, isYesterday } from "date-fns";
import { parsePhoneNumberFromString } from "libphonenumber-js";

// Display formatting shared by the inbox's components (browser-safe: no server imports).

export function formatPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const parsed = parsePhoneNumberFromString(phone, "US");
  if (!parsed?.isValid()) return phone;
  return parsed.country === "US" || parsed.country === "CA" ? parsed.formatNational() : parsed.formatInternational();
}

/** m:ss (or h:mm:ss) for call lengths and player clocks. */
export function formatDuration(totalSeconds: number | null | undefined): string {
  if (totalSeconds == null || !Number.isFinite(totalSeconds) || totalSeconds < 0) return "0:00";
  const seconds = Math.floor(totalSeconds);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

export function formatCurrency(value: number | null, currency = "USD"): string {
  if (value == null) return "—";
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(value);
  } catch {
    return `${value.toFixed(2)} ${currency}`;
  }
}

/** A date from the API, or null when there is none or it is not one date-fns can format (year 10000). */
export function showableDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isFinite(date.getTime()) && date.getFullYear() <= 9999 && date.getFullYear() >= 0 ? date : null;
}

export const UNKNOWN_TIME = "unknown time";

export function formatRelative(iso: string | null, now = new Date()): string {
  const date = showableDate(iso);
  if (!date) return iso ? UNKNOWN_TIME : "";
  const diff = now.getTime() - date.getTime();
  if (diff < 60_000 && diff > -60_000) return "now";
  if (diff < 7 * 24 * 3600_000 && diff > 0)
    return formatDistanceToNowStrict(date, { addSuffix: false }).replace(/ (\w)\w*/, "$1");
  return date.getFullYear() === now.getFullYear() ? format(date, "MMM d") : format(date, "MMM d, yyyy");
}

/** "Monday, October 20, 2025 at 2:00 PM": the tooltip on a list time. */
export function formatFullDate(iso: string | null): string {
  const date = showableDate(iso);
  return date ? format(date, "EEEE, MMMM d, yyyy 'at' h:mm a") : "Unknown date";
}

/** "2025-10-20-1400": a time for file names (downloads), sortable and without separators a file system dislikes. */
export function fileTime(iso: string | null): string {
  const date = showableDate(iso);
  return date ? format(date, "yyyy-MM-dd-HHmm") : "unknown-time";
}

/**
 * "otto-outcomes-call-recording-outbound-2025-10-20-1400": a download's file name from who it is
 * with, what it is and when, so a folder of saved recordings sorts and reads without ids.
 * Letters in any script are kept; anything a file system or shell dislikes becomes "-".
 */
export function downloadFileName(who: string | null, what: string, iso: string | null): string {
  const slug = (who ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return [slug, what, fileTime(iso)].filter(Boolean).join("-");
}

export function formatDay(iso: string | null): string {
  const date = showableDate(iso);
  if (!date) return "Unknown date";
  if (isToday(date)) return "Today";
  if (isYesterday(date)) return "Yesterday";
  return format(date, "EEEE, MMMM d, yyyy");
}

export function formatTime(iso: string | null): string {
  const date = showableDate(iso);
  return date ? format(date, "h:mm a") : UNKNOWN_TIME;
}

export function dayKey(iso: string | null): string {
  const date = showableDate(iso);
  return date ? format(date, "yyyy-MM-dd") : "unknown";
}

/** What to call a customer in lists: name, else formatted phone, else email. */
export function customerLabel(
  customer: { name: string | null; phone: string | null; email: string | null } | null,
): string {
  return customer?.name || formatPhone(customer?.phone) || customer?.email || "Unknown customer";
}

/** The file name at the end of an attachment URL, for a link's text. A provider's URL may
 * carry a malformed escape ("report%E0%A4%A.pdf"): then the name is shown as sent, since
 * decodeURIComponent would throw and take the whole thread down with it. */
export function attachmentFileName(url: string): string {
  const name = url.split(/[?#]/, 1)[0]?.split("/").pop() || "attachment";
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** "Mon 9:00 AM" within a week, else "Dec 14, 9:00 AM": a snooze's wake time, short enough for a row. */
export function formatWakeTime(iso: string | null, now = new Date()): string {
  const date = showableDate(iso);
  if (!date) return UNKNOWN_TIME;
  const withinWeek = date.getTime() - now.getTime() < 6 * 24 * 3600_000;
  return format(date, withinWeek ? "EEE h:mm a" : "MMM d, h:mm a");
}
