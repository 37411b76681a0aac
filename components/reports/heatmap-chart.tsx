"use client";

import type { HeatmapReport } from "@/lib/reports/heatmap";
import { ChartCard } from "./chart-card";
import type { TableData } from "./table-data";

// Weekday × hour of inbound messages and calls, in the viewer's zone. Recharts has no heatmap;
// a grid of cells shaded with the accent token (color-mix keeps it on theme) is all it takes.

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

export function HeatmapChart({ report, tz }: { report: HeatmapReport; tz: string }) {
  const table: TableData = {
    columns: ["Weekday", ...HOURS.map((h) => `${String(h).padStart(2, "0")}:00`)],
    rows: report.cells.map((row, i) => [WEEKDAYS[i] ?? "", ...row]),
  };
  const shade = (count: number) =>
    count === 0
      ? "var(--color-surface-sunken)"
      : `color-mix(in srgb, var(--color-accent) ${Math.round(15 + (85 * count) / Math.max(1, report.max))}%, var(--color-surface))`;
  return (
    <ChartCard
      title="When customers write and call"
      name="heatmap"
      description={`Inbound messages and calls by weekday and hour (${tz})`}
      table={table}
    >
      <div className="flex h-full flex-col gap-0.5 overflow-x-auto">
        {report.cells.map((row, i) => (
          <div key={WEEKDAYS[i]} className="flex min-w-[32rem] flex-1 items-stretch gap-0.5">
            <span className="w-8 shrink-0 self-center text-[11px] text-text-muted">{WEEKDAYS[i]}</span>
            {row.map((count, hour) => (
              <span
                key={HOURS[hour]}
                className="flex-1 rounded-[2px]"
                style={{ background: shade(count) }}
                title={`${WEEKDAYS[i]} ${hour}:00 · ${count}`}
              />
            ))}
          </div>
        ))}
        <div className="flex min-w-[32rem] gap-0.5 pl-8.5 text-[10px] text-text-muted">
          {HOURS.map((h) => (
            <span key={h} className="flex-1 text-center">
              {h % 3 === 0 ? h : ""}
            </span>
          ))}
        </div>
        {/* The legend: what a shade means, from none to the busiest hour of the range. */}
        <div className="mt-1 flex items-center gap-1 pl-8.5 text-[10px] text-text-muted" data-testid="heatmap-legend">
          <span>Hour of day ({tz}) · 0</span>
          {[0, 0.25, 0.5, 0.75, 1].map((share) => (
            <span
              key={share}
              className="size-3 rounded-[2px]"
              style={{ background: shade(Math.round(share * report.max)) }}
            />
          ))}
          <span>{report.max} (busiest hour)</span>
        </div>
      </div>
    </ChartCard>
  );
}
