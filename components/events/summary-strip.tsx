"use client";

import { RotateCcw } from "lucide-react";
import { PROVIDERS } from "@/lib/vocabulary";
import { EVENT_LOG_STATUSES, type EventSummary } from "@/lib/ingest/event-log-types";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { panelVariants } from "@/components/ui/panel";
import { LoadError, Loading } from "@/components/ui/query-state";
import { formatLag, providerLabel, STATUS_LABELS } from "./format";
import { useEventSummary, useRetryAllFailed } from "./queries";

function Stat({ label, value, tone = "" }: { label: string; value: string; tone?: string }) {
  return (
    <div className={cn(panelVariants(), "px-3 py-2")}>
      <dt className="text-xs text-text-muted">{label}</dt>
      <dd className={cn("text-lg font-semibold tabular-nums", tone)}>{value}</dd>
    </div>
  );
}

/** Statuses down, providers across: narrow enough for a phone. */
function CountsTable({ summary }: { summary: EventSummary }) {
  const providers = [...new Set([...PROVIDERS, ...summary.counts.map((c) => c.provider)])];
  const count = (provider: string | null, status: string) =>
    summary.counts
      .filter((c) => (provider === null || c.provider === provider) && c.status === status)
      .reduce((n, c) => n + c.count, 0);
  return (
    <table className="w-full text-sm tabular-nums" data-testid="event-counts">
      <caption className="sr-only">Events by status and provider</caption>
      <thead>
        <tr className="text-xs text-text-muted">
          <th scope="col" className="px-2 py-1 text-left font-medium">
            Status
          </th>
          {providers.map((provider) => (
            <th key={provider} scope="col" className="px-2 py-1 text-right font-medium">
              {providerLabel(provider)}
            </th>
          ))}
          <th scope="col" className="px-2 py-1 text-right font-medium">
            Total
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-border-subtle">
        {EVENT_LOG_STATUSES.map((status) => (
          <tr key={status}>
            <th scope="row" className="px-2 py-1 text-left font-normal">
              {STATUS_LABELS[status]}
            </th>
            {providers.map((provider) => (
              <td key={provider} className="px-2 py-1 text-right">
                {count(provider, status)}
              </td>
            ))}
            <td className="px-2 py-1 text-right font-medium">{count(null, status)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Backlog, lag and failures at a glance, the counts behind them, and "Process all failed". */
export function SummaryStrip() {
  const summary = useEventSummary();
  const retryAll = useRetryAllFailed();
  if (summary.isPending) return <Loading what="the summary" />;
  if (summary.isError)
    return <LoadError what="the summary" error={summary.error} onRetry={() => void summary.refetch()} />;
  const { backlog, lagSeconds, failed } = summary.data;
  return (
    <section aria-labelledby="summary-heading" className="grid gap-3 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <h2 id="summary-heading" className="sr-only">
        Summary
      </h2>
      <div className="flex flex-col gap-3">
        <dl className="grid grid-cols-3 gap-2" data-testid="event-stats">
          <Stat label="Backlog" value={String(backlog)} />
          <Stat label="Lag" value={formatLag(lagSeconds)} tone={lagSeconds > 60 ? "text-warning" : ""} />
          <Stat label="Failed" value={String(failed)} tone={failed > 0 ? "text-danger" : ""} />
        </dl>
        <div className="flex flex-wrap items-center gap-2">
          {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus to <body>. */}
          <Button
            aria-disabled={failed === 0 || retryAll.isPending}
            onClick={() => {
              if (failed > 0 && !retryAll.isPending) retryAll.mutate();
            }}
          >
            <RotateCcw className="size-4" aria-hidden /> Process all failed ({failed})
          </Button>
          <p role="status" className="text-sm text-text-muted">
            {retryAll.isSuccess &&
              `${retryAll.data.requeued} event${retryAll.data.requeued === 1 ? "" : "s"} queued again.`}
          </p>
        </div>
        {retryAll.isError && (
          <p role="alert" className="text-sm text-danger">
            Could not requeue: {retryAll.error.message}
          </p>
        )}
      </div>
      <div className={panelVariants({ padding: "sm" })}>
        <CountsTable summary={summary.data} />
      </div>
    </section>
  );
}
