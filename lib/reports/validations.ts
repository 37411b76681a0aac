import { z } from "zod";
import { calendarDaySchema, timeZoneSchema } from "@/lib/http/date-params";

// The reports' query (GET /api/reports/<name>?from=&to=&tz=&account=), browser-safe: the page
// builds its URLs with the same schema the route validates them with.

export const REPORT_NAMES = ["volume", "first-response", "calls", "heatmap", "agents"] as const;
export const reportNameSchema = z.enum(REPORT_NAMES);
export type ReportName = z.infer<typeof reportNameSchema>;

/** A year and a day: enough for every preset (90 days) and a custom range, bounded so no page view scans years. */
export const MAX_RANGE_DAYS = 366;

export const reportQuerySchema = z
  .object({
    from: calendarDaySchema,
    to: calendarDaySchema,
    tz: timeZoneSchema,
    /** One account of those the viewer may read; another's id simply matches nothing. */
    account: z.string().min(1).max(100).optional(),
  })
  .refine((q) => q.from <= q.to, { message: "from must not be after to", path: ["from"] })
  .refine((q) => daysBetween(q.from, q.to) < MAX_RANGE_DAYS, {
    message: `the range is at most ${MAX_RANGE_DAYS} days`,
    path: ["to"],
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Every day of the range, inclusive, as YYYY-MM-DD: charts show empty days as zeros. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/**
 * What is wrong with a range a person asked for (a hand-edited or old link), in their words, or
 * null when the reports can show it. The page says this instead of sending a query it knows fails.
 */
export function rangeProblem(from: string, to: string): string | null {
  const read = calendarDaySchema.safeParse(from).success && calendarDaySchema.safeParse(to).success;
  if (!read) return "That range has a date we can't read. Pick the dates again, or show the last 30 days.";
  if (from > to) return `The range starts (${from}) after it ends (${to}). Pick a start on or before the end.`;
  if (daysBetween(from, to) >= MAX_RANGE_DAYS)
    return `A range can be at most ${MAX_RANGE_DAYS} days. Pick a shorter one.`;
  return null;
}
