"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CallsReport } from "@/lib/reports/calls";
import { CALL_OUTCOME_LABELS, type CallOutcome } from "@/lib/vocabulary";
import { ChartCard } from "./chart-card";
import { axisProps, gridProps, legendProps, series, tooltipProps } from "./chart-theme";
import { formatDuration, shortDay, type TableData } from "./table-data";

// Inbound calls per day by outcome (the vocabulary's words: no_answer is "Missed"). The outcomes
// that leave a customer waiting for a callback (README "Triage views") open the inbox on the
// conversations with such a call that day; the table's Missed cells are the keyboard's way there.

const SHOWN: CallOutcome[] = ["answered", "no_answer", "busy", "voicemail", "failed"];
const CALLBACK_OUTCOMES = new Set<CallOutcome>(["no_answer", "busy", "voicemail", "failed"]);

/** The inbox on that day's missed calls, in the report's account when one is chosen. */
export function missedCallsHref(day: string, tz: string, account: string | null): string {
  return `/?${new URLSearchParams({ channel: "call", missedOn: day, tz, ...(account ? { account } : {}) })}`;
}

export function CallsChart({ report, tz, account }: { report: CallsReport; tz: string; account: string | null }) {
  const router = useRouter();
  const missedOf = (d: CallsReport["days"][number]) =>
    SHOWN.filter((o) => CALLBACK_OUTCOMES.has(o)).reduce((sum, o) => sum + d.inbound[o], 0);
  const { callbacks } = report;
  const table: TableData = {
    columns: [
      "Day",
      ...SHOWN.map((o) => CALL_OUTCOME_LABELS[o]),
      "Missed (all)",
      "Outbound calls",
      "Callbacks returned",
      "Never returned",
      "Median to callback (s)",
    ],
    rows: report.days.map((d) => [
      d.day,
      ...SHOWN.map((o) => d.inbound[o]),
      {
        value: missedOf(d),
        href: missedCallsHref(d.day, tz, account),
        label: `${missedOf(d)} missed calls on ${d.day}: open in the inbox`,
      },
      Object.values(d.outbound).reduce((a, b) => a + b, 0),
      d.callbacks.returned,
      d.callbacks.neverReturned,
      d.callbacks.median,
    ]),
  };
  return (
    <ChartCard
      title="Calls"
      name="calls"
      description={
        <>
          Inbound calls by outcome. Missed calls returned: {callbacks.returned} of {callbacks.waits}, median{" "}
          {formatDuration(callbacks.median)}, 90th percentile {formatDuration(callbacks.p90)} to callback;{" "}
          <strong data-testid="never-returned">{callbacks.neverReturned} never returned</strong>. Click a missed bar to
          open those calls.
        </>
      }
      table={table}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          accessibilityLayer={false}
          data={report.days.map((d) => ({ day: d.day, label: shortDay(d.day), ...d.inbound }))}
          margin={{ top: 4, right: 8, bottom: 0, left: -16 }}
        >
          <CartesianGrid {...gridProps} vertical={false} />
          <XAxis dataKey="label" {...axisProps} minTickGap={12} />
          <YAxis {...axisProps} allowDecimals={false} />
          <Tooltip {...tooltipProps} />
          <Legend {...legendProps} />
          {SHOWN.map((outcome, i) => (
            <Bar
              key={outcome}
              dataKey={outcome}
              name={CALL_OUTCOME_LABELS[outcome]}
              stackId="calls"
              fill={series(i === 0 ? 2 : i + 2)}
              isAnimationActive={false}
              className={CALLBACK_OUTCOMES.has(outcome) ? "cursor-pointer" : undefined}
              onClick={
                CALLBACK_OUTCOMES.has(outcome)
                  ? (data: { payload?: { day?: string } }) => {
                      if (data.payload?.day) router.push(missedCallsHref(data.payload.day, tz, account));
                    }
                  : undefined
              }
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
