import { z } from "zod";

// The reports' query (GET /api/reports/<name>?from=&to=&tz=&account=), browser-safe: the page
// builds its URLs with the same schema the route validates them with.

export const REPORT_NAMES = ["volume", "first-response", "calls", "heatmap", "agents"] as const;
export const reportNameSchema = z.enum(REPORT_NAMES);
export type ReportName = z.infer<typeof reportNameSchema>;

/** A year and a day: enough for every preset (90 days) and a custom range, bounded so no page view scans years. */
export const MAX_RANGE_DAYS = 366;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (name: string) =>
  z
    .string()
    .regex(DAY, `${name} must be a date as YYYY-MM-DD`)
    .refine((value) => isCalendarDay(value), `${name} is not a calendar date`);

export function isCalendarDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isFinite(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * An IANA zone name the runtime's Intl knows ("America/New_York", "UTC"). Offsets such as
 * "+05:00" are refused: PostgreSQL reads a bare offset POSIX-style, with the sign reversed.
 */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const reportQuerySchema = z
  .object({
    from: day("from"),
    to: day("to"),
    tz: z.string().max(64).refine(isTimeZone, "tz must be an IANA time zone such as Europe/Paris"),
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
