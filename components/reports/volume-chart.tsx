"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHANNEL_META } from "@/components/inbox-data/channel-meta";
import type { VolumeReport } from "@/lib/reports/volume";
import type { Channel } from "@/lib/vocabulary";
import { type SeriesKey, topChannels } from "@/lib/reports/chart-scale";
import { ChartCard } from "./chart-card";
import { axisProps, gridProps, legendProps, series, tooltipProps } from "./chart-theme";
import { shortDay, type TableData } from "./table-data";

/** Messages per day, inbound and outbound side by side, each stacked by channel; conversations started as a line. */
export function VolumeChart({ report }: { report: VolumeReport }) {
  // Six colours at most: the five busiest channels and "Other" (the table keeps every channel).
  const totals: Partial<Record<Channel, number>> = {};
  for (const d of report.days)
    for (const c of report.channels) totals[c] = (totals[c] ?? 0) + (d.inbound[c] ?? 0) + (d.outbound[c] ?? 0);
  const { series: drawn, fold } = topChannels(totals, report.channels);
  const rows = report.days.map((d) => {
    const counts: Record<string, number> = {};
    for (const c of report.channels) {
      counts[`in:${fold(c)}`] = (counts[`in:${fold(c)}`] ?? 0) + (d.inbound[c] ?? 0);
      counts[`out:${fold(c)}`] = (counts[`out:${fold(c)}`] ?? 0) + (d.outbound[c] ?? 0);
    }
    return { day: d.day, label: shortDay(d.day), started: d.conversationsStarted, ...counts };
  });
  const label = (c: Channel) => CHANNEL_META[c].label;
  const seriesLabel = (key: SeriesKey) => (key === "other" ? "Other" : label(key));
  const table: TableData = {
    columns: [
      "Day",
      ...report.channels.map((c) => `${label(c)} in`),
      ...report.channels.map((c) => `${label(c)} out`),
      "Conversations started",
    ],
    rows: report.days.map((d) => [
      d.day,
      ...report.channels.map((c) => d.inbound[c] ?? 0),
      ...report.channels.map((c) => d.outbound[c] ?? 0),
      d.conversationsStarted,
    ]),
  };
  return (
    <ChartCard
      title="Volume"
      name="volume"
      description="Messages per day (left bar inbound, right bar outbound, by channel) and conversations started"
      table={table}
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart accessibilityLayer={false} data={rows} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid {...gridProps} vertical={false} />
          <XAxis dataKey="label" {...axisProps} minTickGap={12} />
          <YAxis {...axisProps} allowDecimals={false} />
          <Tooltip {...tooltipProps} />
          <Legend {...legendProps} />
          {drawn.map((c, i) => (
            <Bar
              key={`in:${c}`}
              dataKey={`in:${c}`}
              name={`${seriesLabel(c)} in`}
              stackId="in"
              fill={series(i)}
              isAnimationActive={false}
            />
          ))}
          {drawn.map((c, i) => (
            <Bar
              key={`out:${c}`}
              dataKey={`out:${c}`}
              name={`${seriesLabel(c)} out`}
              stackId="out"
              fill={series(i)}
              fillOpacity={0.55}
              isAnimationActive={false}
            />
          ))}
          <Line
            dataKey="started"
            name="Conversations started"
            stroke="var(--color-text)"
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
