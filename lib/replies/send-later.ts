import { z } from "zod";

// Send later (browser-safe): when a reply may be scheduled for, checked by the composer before it
// posts and by the server before anything is stored. HighLevel holds the message until then
// (the send call's scheduledTimestamp).

/** The furthest ahead a reply may be scheduled. */
export const SEND_LATER_MAX_DAYS = 365;
const DAY_MS = 86_400_000;

/** An ISO 8601 instant with its offset ("2026-12-08T08:00:00.000Z", "…+01:00"). */
export const sendAtSchema = z.iso.datetime({
  offset: true,
  message: "sendAt must be an ISO 8601 date and time with its offset, e.g. 2026-12-08T08:00:00Z",
});

/** Why a reply cannot be scheduled for `sendAt`, or null when it can. */
export function sendAtProblem(sendAt: Date, now: Date = new Date()): string | null {
  if (!Number.isFinite(sendAt.getTime())) return "Pick a date and time to send it.";
  if (sendAt.getTime() <= now.getTime()) return "That time has passed: pick a time in the future to send it.";
  if (sendAt.getTime() > now.getTime() + SEND_LATER_MAX_DAYS * DAY_MS)
    return "That is more than a year ahead: pick a time within a year to send it.";
  return null;
}

// Wall-clock times in a named time zone (the composer's presets and its date-time field): an
// hour of the day there, whatever zone the computer running this is set to.

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function wallTimeOf(instant: Date, timeZone: string): WallTime & { weekday: number } {
  let format = partsFormat.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      weekday: "short",
    });
    partsFormat.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(String(parts.weekday)),
  };
}

/** How far `timeZone` is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallTimeOf(new Date(instant), timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return asUtc - (instant - (instant % 60_000));
}

/**
 * The instant a wall-clock time in `timeZone` names: in the hour clocks go back, the first of the
 * two; in the hour they skip (spring forward), the time an hour on, as browsers read it.
 */
export function zonedInstant(wall: WallTime, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const first = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(first, timeZone);
  const names = (instant: number) => {
    const at = wallTimeOf(new Date(instant), timeZone);
    return at.day === wall.day && at.hour === wall.hour && at.minute === wall.minute;
  };
  if (names(second)) return new Date(second);
  return new Date(names(first) ? first : Math.max(first, second));
}

/** `days` after `now`'s day in `timeZone`, at hour:00 there. */
function dayAt(now: Date, timeZone: string, days: number, hour: number): Date {
  const today = wallTimeOf(now, timeZone);
  const day = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
  return zonedInstant(
    { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour, minute: 0 },
    timeZone,
  );
}

export const SEND_LATER_HOUR = 8;

/** "Tomorrow 8:00" and "Monday 8:00" (left out when Monday is tomorrow), in `timeZone`. */
export function sendLaterPresets(now: Date, timeZone: string): Array<{ key: string; label: string; at: Date }> {
  const presets = [
    { key: "tomorrow", label: `Tomorrow ${SEND_LATER_HOUR}:00`, at: dayAt(now, timeZone, 1, SEND_LATER_HOUR) },
  ];
  const weekday = wallTimeOf(now, timeZone).weekday;
  const toMonday = (8 - weekday) % 7 || 7;
  if (toMonday > 1)
    presets.push({
      key: "monday",
      label: `Monday ${SEND_LATER_HOUR}:00`,
      at: dayAt(now, timeZone, toMonday, SEND_LATER_HOUR),
    });
  return presets;
}

/** A datetime-local field's value ("2026-12-08T08:00") as the instant it names in `timeZone`, or null. */
export function fromZonedInput(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  return zonedInstant({ year, month, day, hour, minute }, timeZone);
}

/** "Tue, Dec 8, 8:00 AM" in `timeZone` (the year too when it is not this year's). */
export function formatSendTime(at: Date, timeZone: string, now = new Date()): string {
  const sameYear = wallTimeOf(at, timeZone).year === wallTimeOf(now, timeZone).year;
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    ...(sameYear ? {} : { year: "numeric" }),
    hour: "numeric",
    minute: "2-digit",
  }).format(at);
}
