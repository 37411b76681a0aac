import { z } from "zod";

// The one schema for a time zone and the one for a calendar day in a request (reports' from, to
// and tz; the inbox's missedOn and tz). Browser-safe: the pages build their URLs with them.
// Both values go into SQL (`AT TIME ZONE`, `::date`), so what passes here must be something
// PostgreSQL reads the same way we do: anything else is a 400 that says what would be accepted,
// never a database error (#25, 4).

const TIME_ZONE_EXAMPLE = "Europe/Berlin";
const FIRST_DAY = "1970-01-01";
const LAST_DAY = "2100-12-31";

const TIME_ZONE_MESSAGE =
  `must be an IANA time zone name such as ${TIME_ZONE_EXAMPLE}, America/New_York or UTC ` +
  "(abbreviations such as IST or EST and offsets such as +05:00 are ambiguous)";
const DAY_MESSAGE = `must be a calendar day as YYYY-MM-DD from ${FIRST_DAY} to ${LAST_DAY}`;

let zones: ReadonlySet<string> | undefined;
/**
 * The runtime's IANA zones plus UTC (which Intl lists under no name of its own). Only these
 * reach SQL: Intl also accepts Java-era ids ("CTT", "AET") PostgreSQL does not know (a 500),
 * and abbreviations PostgreSQL reads its own way ("IST" is Israel there, India in Intl).
 */
function supportedZones(): ReadonlySet<string> {
  zones ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);
  return zones;
}

// Area/Location as the IANA database spells it: capitalised, with a slash. Excludes the
// abbreviations and Java ids above; "Etc/GMT+5" passes the shape but is not a listed zone.
const AREA_LOCATION = /^[A-Z][A-Za-z_]+(\/[A-Z][A-Za-z0-9_+-]+){1,2}$/;

/**
 * The zone to use for `value`, or null when it is not an IANA zone name. A listed name is kept;
 * an IANA link is replaced by the zone it names in this runtime's list ("Asia/Kolkata" where the
 * ICU lists "Asia/Calcutta", "Europe/Kyiv"): a browser with newer zone data sends the new name.
 */
export function canonicalTimeZone(value: string): string | null {
  if (supportedZones().has(value)) return value;
  if (value.length > 64 || !AREA_LOCATION.test(value)) return null;
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: value }).resolvedOptions().timeZone;
    return supportedZones().has(resolved) ? resolved : null;
  } catch {
    return null;
  }
}

/** A time zone parameter: an IANA name, read as the runtime's name for that zone. */
export const timeZoneSchema = z.string().transform((value, context) => {
  const zone = canonicalTimeZone(value);
  if (zone === null) context.addIssue({ code: "custom", message: TIME_ZONE_MESSAGE });
  return zone ?? z.NEVER;
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD naming a day that exists, within the years every database and browser handles alike. */
export function isCalendarDay(value: string): boolean {
  if (!DAY.test(value) || value < FIRST_DAY || value > LAST_DAY) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isFinite(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar day parameter (YYYY-MM-DD). PostgreSQL has no year 0; 1970–2100 covers every real use. */
export const calendarDaySchema = z.string().refine(isCalendarDay, DAY_MESSAGE);
