"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHANNEL_META } from "@/components/inbox-data/channel-meta";
import type { FirstResponseReport } from "@/lib/reports/first-response";
import { waitAxisUnit, waitTick } from "@/lib/reports/chart-scale";
import { ChartCard } from "./chart-card";
import { axisProps, gridProps, legendProps, series, tooltipProps } from "./chart-theme";
import { formatDuration, shortDay, type TableData } from "./table-data";

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 6) / 10);

/** First response: the figures over the range, by channel, and the daily median and p90 (in minutes). */
export function FirstResponseChart({ report }: { report: FirstResponseReport }) {
  const { overall } = report;
  const points = report.days.map((d) => ({ label: shortDay(d.day), median: minutes(d.median), p90: minutes(d.p90) }));
  // Long waits read in hours ("2.5 h", not "150 m"); the axis is as wide as its longest tick.
  const unit = waitAxisUnit(Math.max(0, ...points.flatMap((p) => [p.median ?? 0, p.p90 ?? 0])));
  const table: TableData = {
    columns: ["Day", "Waits", "Answered", "Median (s)", "90th percentile (s)"],
    rows: report.days.map((d) => [d.day, d.waits, d.answered, d.median, d.p90]),
  };
  return (
    <ChartCard
      title="First response time"
      name="first-response"
      description={
        <>
          Median {formatDuration(overall.median)}, 90th percentile {formatDuration(overall.p90)} over {overall.answered}{" "}
          answered of {overall.waits} waits. Daily trend in {unit === "h" ? "hours" : "minutes"}.
        </>
      }
      table={table}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid {...gridProps} vertical={false} />
          <XAxis dataKey="label" {...axisProps} minTickGap={12} />
          <YAxis {...axisProps} width={52} tickFormatter={(value: number) => waitTick(value, unit)} />
          <Tooltip {...tooltipProps} formatter={(value) => formatDuration(Math.round(Number(value) * 60))} />
          <Legend {...legendProps} />
          <Line dataKey="median" name="Median" stroke={series(0)} connectNulls isAnimationActive={false} />
          <Line dataKey="p90" name="90th percentile" stroke={series(1)} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** Median and p90 per channel the customer wrote on, and per agent who answered: small tables, no chart needed. */
export function FirstResponseBreakdown({ report }: { report: FirstResponseReport }) {
  const table: TableData = {
    columns: ["Channel", "Waits", "Answered", "Median", "90th percentile"],
    rows: report.byChannel.map((c) => [
      CHANNEL_META[c.channel].label,
      c.waits,
      c.answered,
      formatDuration(c.median),
      formatDuration(c.p90),
    ]),
  };
  return (
    <ChartCard title="First response by channel" name="first-response-channels" table={table}>
      <ul className="grid gap-2 text-sm sm:grid-cols-2">
        {report.byChannel.map((c) => (
          <li key={c.channel} className="rounded-control border border-border p-2">
            <span className="font-medium">{CHANNEL_META[c.channel].label}</span>
            <span className="block text-xs text-text-muted">
              median {formatDuration(c.median)} · p90 {formatDuration(c.p90)} · {c.answered}/{c.waits} answered
            </span>
          </li>
        ))}
        {report.byChannel.length === 0 && <li className="text-text-muted">No customer messages in this range.</li>}
      </ul>
    </ChartCard>
  );
}
