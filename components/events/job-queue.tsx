"use client";

import { useQuery } from "@tanstack/react-query";
import { callRoute } from "@/components/api/call-route";
import { cn } from "@/components/ui/cn";
import { Panel } from "@/components/ui/panel";
import { LoadError, Loading } from "@/components/ui/query-state";
import { jobQueueRoute } from "@/lib/contracts/events";
import type { JobKindHealth } from "@/lib/jobs/health";
import { FOCUS_RING, formatLag } from "./format";

// The one job queue at a glance, under the event log: per kind, what waits and for how long, what
// runs, and what failed or ended "outcome unknown" in the last day. Polls while anything waits.

const KIND_LABELS: Record<string, string> = {
  "send-reply": "Replies to send",
  "fetch-transcript": "Call transcripts",
  "refresh-pipeline-names": "Pipeline names",
  "drain-mail-outbox": "Mail",
  "wake-conversation": "Snooze wake-ups",
  "mention-mail": "Mention emails",
  "highlevel-user-name": "HighLevel user names",
};
const label = (kind: string) => KIND_LABELS[kind] ?? kind;

const HEADERS = ["Waiting", "Running", "Oldest wait", "Failed (24 h)", "Unknown (24 h)"];

function KindRow({ health }: { health: JobKindHealth }) {
  const cells = [
    String(health.queued),
    String(health.running),
    health.oldestWaitSeconds === null ? "—" : formatLag(health.oldestWaitSeconds),
    String(health.failedLastDay),
    String(health.unknownLastDay),
  ];
  return (
    <tr>
      <th scope="row" className="px-2 py-1 text-left font-normal">
        {label(health.kind)}
        {health.lastError && (
          <span className="block max-w-xs truncate text-xs text-text-muted" title={health.lastError}>
            Last error: {health.lastError}
          </span>
        )}
      </th>
      {cells.map((cell, index) => (
        <td
          key={HEADERS[index]}
          className={cn("px-2 py-1 text-right", index >= 3 && cell !== "0" && "font-semibold text-danger")}
        >
          {cell}
        </td>
      ))}
    </tr>
  );
}

export function JobQueue() {
  const health = useQuery({
    queryKey: ["jobs"],
    queryFn: ({ signal }) => callRoute(jobQueueRoute, {}, { signal }),
    refetchInterval: (query) => ((query.state.data?.kinds ?? []).some((k) => k.queued + k.running > 0) ? 5_000 : false),
  });
  const kinds = health.data?.kinds ?? [];
  return (
    <Panel aria-labelledby="job-queue-heading" className="flex min-w-0 flex-col">
      <h2 id="job-queue-heading" className="border-b border-border px-3 py-2 text-sm font-semibold">
        Job queue
      </h2>
      {health.isPending ? (
        <Loading what="the job queue" />
      ) : health.isError ? (
        <LoadError what="the job queue" error={health.error} onRetry={() => void health.refetch()} />
      ) : kinds.length === 0 ? (
        <p className="p-4 text-sm text-text-muted">No background work waiting, running or failed in the last day.</p>
      ) : (
        // Six columns do not fit a phone: the table scrolls sideways, so it takes focus to scroll by keyboard.
        <section
          aria-label="Jobs by kind"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard (axe: scrollable-region-focusable)
          tabIndex={0}
          className={cn("overflow-x-auto", FOCUS_RING)}
        >
          <table className="w-full text-sm tabular-nums" data-testid="job-queue">
            <caption className="sr-only">Background jobs by kind</caption>
            <thead>
              <tr className="text-xs text-text-muted">
                <th scope="col" className="px-2 py-1 text-left font-medium">
                  Kind
                </th>
                {HEADERS.map((header) => (
                  <th key={header} scope="col" className="px-2 py-1 text-right font-medium">
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-border-subtle">
              {kinds.map((kind) => (
                <KindRow key={kind.kind} health={kind} />
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Panel>
  );
}
