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

export function formatRelative(iso: string | null, now = new Date()): string {
  if (!iso) return "";
  const date = new Date(iso);
  const diff = now.getTime() - date.getTime();
  if (diff < 60_000 && diff > -60_000) return "now";
  if (diff < 7 * 24 * 3600_000 && diff > 0)
    return formatDistanceToNowStrict(date, { addSuffix: false }).replace(/ (\w)\w*/, "$1");
  return date.getFullYear() === now.getFullYear() ? format(date, "MMM d") : format(date, "MMM d, yyyy");
}

export function formatDay(iso: string): string {
  const date = new Date(iso);
  if (isToday(date)) return "Today";
  if (isYesterday(date)) return "Yesterday";
  return format(date, "EEEE, MMMM d, yyyy");
}

export function formatTime(iso: string): string {
  return format(new Date(iso), "h:mm a");
}

export function dayKey(iso: string): string {
  return format(new Date(iso), "yyyy-MM-dd");
}

/** What to call a customer in lists: name, else formatted phone, else email. */
export function customerLabel(
  customer: { name: string | null; phone: string | null; email: string | null } | null,
): string {
  return customer?.name || formatPhone(customer?.phone) || customer?.email || "Unknown customer";
}
