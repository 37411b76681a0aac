"use client";

import { parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useMemo } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { canonicalTimeZone } from "@/lib/http/date-params";
import { rangeProblem } from "@/lib/reports/validations";

// The page's URL state: range preset (or custom from/to) and account. The time zone is the
// browser's: a manager reads "today" on their own clock, whatever the server's.

export const PRESETS = ["today", "7d", "30d", "90d", "custom"] as const;
export type Preset = (typeof PRESETS)[number];
export const PRESET_LABELS: Record<Preset, string> = {
  today: "Today",
  "7d": "7 days",
  "30d": "30 days",
  "90d": "90 days",
  custom: "Custom",
};
const PRESET_DAYS: Record<Exclude<Preset, "custom">, number> = { today: 1, "7d": 7, "30d": 30, "90d": 90 };

const parsers = {
  range: parseAsStringLiteral(PRESETS).withDefault("30d"),
  from: parseAsString,
  to: parseAsString,
  account: parseAsString,
};

export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (zone && canonicalTimeZone(zone)) || "UTC";
}

/** Today's date in `timeZone`, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function useReportState() {
  const [state, setState] = useQueryStates(parsers, { history: "push" });
  const hydrated = useHydrated();
  const tz = hydrated ? browserTimeZone() : "UTC";
  const { from, to } = useMemo(() => {
    const today = todayIn(tz);
    if (state.range === "custom" && state.from && state.to) return { from: state.from, to: state.to };
    const days = state.range === "custom" ? 30 : PRESET_DAYS[state.range];
    return { from: addDays(today, 1 - days), to: today };
  }, [state.range, state.from, state.to, tz]);
  return {
    ready: hydrated,
    range: state.range,
    from,
    to,
    /** A custom range the reports cannot show (reversed, unreadable, too long), said in words. */
    problem: rangeProblem(from, to),
    tz,
    account: state.account,
    setPreset: (range: Preset) => setState(range === "custom" ? { range, from, to } : { range, from: null, to: null }),
    setCustom: (next: { from: string; to: string }) => setState({ range: "custom", ...next }),
    setAccount: (account: string | null) => setState({ account }),
  };
}
export type ReportState = ReturnType<typeof useReportState>;
