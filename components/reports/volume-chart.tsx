"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHANNEL_META } from "@/components/inbox-data/channel-meta";
import type { VolumeReport } from "@/lib/reports/volume";
import type { Channel } from "@/lib/vocabulary";
import { ChartCard } from "./chart-card";
import { axisProps, gridProps, legendProps, series, tooltipProps } from "./chart-theme";
import { shortDay, type TableData } from "./table-data";

/** Messages per day, inbound and outbound side by side, each stacked by channel; conversations started as a line. */
export function VolumeChart({ report }: { report: VolumeReport }) {
  const rows = report.days.map((d) => ({
    day: d.day,
    label: shortDay(d.day),
    started: d.conversationsStarted,
    ...Object.fromEntries(
      report.channels.flatMap((c) => [
        [`in:${c}`, d.inbound[c] ?? 0],
        [`out:${c}`, d.outbound[c] ?? 0],
      ]),
    ),
  }));
  const label = (c: Channel) => CHANNEL_META[c].label;
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
          {report.channels.map((c, i) => (
            <Bar
              key={`in:${c}`}
              dataKey={`in:${c}`}
              name={`${label(c)} in`}
              stackId="in"
              fill={series(i)}
              isAnimationActive={false}
            />
          ))}
          {report.channels.map((c, i) => (
            <Bar
              key={`out:${c}`}
              dataKey={`out:${c}`}
              name={`${label(c)} out`}
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
