import { addDays, addHours, nextMonday, set } from "date-fns";

// Snooze's presets, in the person's own time zone (the browser's): later today is three hours
// on, the mornings are 9:00 local.

const atNine = (day: Date) => set(day, { hours: 9, minutes: 0, seconds: 0, milliseconds: 0 });

export function snoozePresets(now = new Date()): Array<{ key: string; label: string; until: Date }> {
  return [
    { key: "later", label: "Later today", until: addHours(now, 3) },
    { key: "tomorrow", label: "Tomorrow", until: atNine(addDays(now, 1)) },
    { key: "monday", label: "Next Monday", until: atNine(nextMonday(now)) },
  ];
}

/** A datetime-local input's value ("2026-12-05T14:30") as an instant in the browser's zone, or null. */
export function fromLocalInput(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
