"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AgentsReport } from "@/lib/reports/agents";
import { ChartCard } from "./chart-card";
import { axisProps, gridProps, legendProps, series, tooltipProps } from "./chart-theme";
import { formatDuration, type TableData } from "./table-data";
import { shortNames } from "@/lib/team/tell-apart";

/** Per agent: messages sent, calls made and answered (bars), median first response (table and tooltip). */
export function AgentsChart({ report }: { report: AgentsReport }) {
  // The axis has room for a first name; two Anas become "Ana R." and "Ana T." (issue #26, 8).
  const short = shortNames(report.agents.slice(0, 12).map((agent) => agent.name));
  const table: TableData = {
    columns: ["Agent", "Messages sent", "Calls made", "Calls answered", "First responses", "Median first response (s)"],
    rows: report.agents.map((a) => [
      a.name,
      a.messagesSent,
      a.callsMade,
      a.callsAnswered,
      a.firstResponses,
      a.medianFirstResponse,
    ]),
  };
  return (
    <ChartCard
      title="Per agent"
      name="agents"
      description={
        report.agents.length
          ? report.agents
              .slice(0, 4)
              .map((a) => `${a.name}: median first response ${formatDuration(a.medianFirstResponse)}`)
              .join(" · ")
          : "No replies or calls in this range."
      }
      table={table}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          accessibilityLayer={false}
          data={report.agents.slice(0, 12)}
          margin={{ top: 4, right: 8, bottom: 0, left: -16 }}
        >
          <CartesianGrid {...gridProps} vertical={false} />
          <XAxis dataKey="name" {...axisProps} interval={0} tickFormatter={(name: string) => short.get(name) ?? name} />
          <YAxis {...axisProps} allowDecimals={false} />
          <Tooltip {...tooltipProps} />
          <Legend {...legendProps} />
          <Bar dataKey="messagesSent" name="Messages sent" fill={series(0)} isAnimationActive={false} />
          <Bar dataKey="callsMade" name="Calls made" fill={series(1)} isAnimationActive={false} />
          <Bar dataKey="callsAnswered" name="Calls answered" fill={series(2)} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
