import type { Channel } from "@/lib/vocabulary";

// How the charts keep themselves readable: a wait axis in minutes that switches to hours once the
// waits are long, and at most six colours per chart (the five busiest channels and "Other").

/** Past this many minutes an axis reads in hours ("2.5 h", not "150 m"). */
export const HOURS_FROM_MINUTES = 90;

/** The wait axis's unit for the largest value it shows (in minutes). */
export const waitAxisUnit = (maxMinutes: number): "m" | "h" => (maxMinutes > HOURS_FROM_MINUTES ? "h" : "m");

/** One tick of a wait axis: "45 m", or "2.5 h" when the axis reads in hours. */
export function waitTick(minutes: number, unit: "m" | "h"): string {
  if (unit === "m") return `${Math.round(minutes)} m`;
  const hours = Math.round((minutes / 60) * 10) / 10;
  return `${hours} h`;
}

/** The most series a chart shows: five channels and "Other". */
export const MAX_SERIES = 6;

export type SeriesKey = Channel | "other";

/**
 * The channels a chart draws, busiest first: all of them when they fit in MAX_SERIES, else the
 * five busiest and "other" (the rest, summed). `fold` maps any channel to its series.
 */
export function topChannels(totals: Partial<Record<Channel, number>>, channels: readonly Channel[]) {
  const busiest = [...channels].sort((a, b) => (totals[b] ?? 0) - (totals[a] ?? 0));
  if (busiest.length <= MAX_SERIES) return { series: busiest as SeriesKey[], fold: (c: Channel): SeriesKey => c };
  const shown = new Set(busiest.slice(0, MAX_SERIES - 1));
  return {
    series: [...shown, "other"] as SeriesKey[],
    fold: (c: Channel): SeriesKey => (shown.has(c) ? c : "other"),
  };
}
