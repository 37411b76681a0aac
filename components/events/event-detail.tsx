"use client";

import { RotateCcw } from "lucide-react";
import { useState, type ReactNode, type RefObject } from "react";
import { ApiError } from "@/components/api/api-fetch";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Notice } from "@/components/ui/notice";
import { Panel } from "@/components/ui/panel";
import { LoadError, Loading } from "@/components/ui/query-state";
import type { EventDetail } from "@/lib/ingest/event-log-types";
import { ConversationLink } from "./conversation-link";
import { FOCUS_RING, formatBytes, formatFull, providerLabel } from "./format";
import { useEventDetail, useRetryEvent } from "./queries";
import { StatusBadge } from "./status-badge";

function Field({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={cn("min-w-0", wide && "col-span-2 lg:col-span-3")}>
      <dt className="text-xs text-text-muted">{label}</dt>
      <dd className="break-words text-sm">{children}</dd>
    </div>
  );
}

/** Stays mounted while the requeued event goes round, so its note outlives the refetches. */
function ProcessAgain({ event, updatedAt }: { event: EventDetail; updatedAt: number }) {
  const [queuedAt, setQueuedAt] = useState<number | null>(null);
  const retry = useRetryEvent(() => setQueuedAt(Date.now()));
  // Until the event is read again after the requeue, what is shown is from before it.
  const readSince = queuedAt !== null && updatedAt > queuedAt;
  const outcome = readSince && event.status === "failed" ? "it failed again" : "waiting for a worker";
  const unavailable = event.status !== "failed" || retry.isPending;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {/* aria-disabled, not disabled: the focus stays on the button while the retry runs. */}
      <Button
        aria-disabled={unavailable}
        onClick={() => {
          if (!unavailable) retry.mutate(event.id);
        }}
      >
        <RotateCcw className="size-4" aria-hidden /> Process again
      </Button>
      <p role="status" className="text-sm text-text-muted" data-testid="retry-note">
        {queuedAt !== null && `Queued again at ${formatFull(new Date(queuedAt).toISOString())}; ${outcome}.`}
      </p>
      {retry.isError && (
        <p role="alert" className="text-sm text-danger">
          {retry.error.message}
        </p>
      )}
    </div>
  );
}

function Detail({ event, updatedAt }: { event: EventDetail; updatedAt: number }) {
  const account =
    event.accountExternalId === null
      ? "none named in the delivery"
      : event.accountId === null
        ? `${event.accountExternalId} (no such account yet)`
        : event.accountName
          ? `${event.accountName} (${event.accountExternalId})`
          : event.accountExternalId;
  return (
    <div className="flex min-w-0 flex-col gap-3 p-3">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-base font-semibold" data-testid="event-title">
          {event.eventType ?? "(no type)"}
        </h3>
        <StatusBadge status={event.status} />
        {event.conversationId && <ConversationLink id={event.conversationId} className="ml-auto text-sm" />}
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 lg:grid-cols-3">
        <Field label="Provider">{providerLabel(event.provider)}</Field>
        <Field label="Account">{account}</Field>
        <Field label="Attempts">
          <span data-testid="event-attempts">{event.attempts}</span>
        </Field>
        <Field label="Received">{formatFull(event.receivedAt)}</Field>
        <Field label={event.status === "received" || event.status === "processing" ? "Next try" : "Finished"}>
          <span data-testid="event-finished">
            {event.status === "received" || event.status === "processing"
              ? formatFull(event.availableAt)
              : event.processedAt
                ? formatFull(event.processedAt)
                : "—"}
          </span>
        </Field>
        <Field label="Size">{formatBytes(event.sizeBytes)}</Field>
        <Field label="Event id" wide>
          <span className="font-mono text-xs">{event.id}</span>
        </Field>
      </dl>
      {event.error && (
        <Notice tone="danger">
          <h4 className="text-xs font-semibold">{event.status === "failed" ? "Error" : "Last error"}</h4>
          <p className="whitespace-pre-wrap break-words" data-testid="event-detail-error">
            {event.error}
          </p>
        </Notice>
      )}
      {event.status !== "processed" && event.status !== "ignored" && (
        <ProcessAgain event={event} updatedAt={updatedAt} />
      )}
      <div className="flex min-w-0 flex-col gap-1">
        <h4 className="text-xs font-semibold text-text-muted">
          Payload{event.payloadIsJson ? "" : " (not JSON, shown as text)"}
        </h4>
        {/* Focusable so the keyboard can scroll it; labelled so a screen reader says what it is. */}
        <section
          aria-label="Payload"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard (axe: scrollable-region-focusable)
          tabIndex={0}
          className={cn("max-h-[28rem] overflow-auto rounded-control bg-code", FOCUS_RING)}
        >
          <pre className="p-3 font-mono text-xs leading-5 text-code-text" data-testid="event-payload">
            {event.payload}
          </pre>
        </section>
      </div>
    </div>
  );
}

/** The selected event: its error, attempts, times and the payload as delivered. */
interface PanelProps {
  id: string | null;
  poll: boolean;
  panelRef: RefObject<HTMLElement | null>;
}

function PanelBody({ id, detail }: { id: string | null; detail: ReturnType<typeof useEventDetail> }) {
  if (!id) return <p className="p-4 text-sm text-text-muted">Select an event to see its error and payload.</p>;
  if (detail.isPending) return <Loading what="the event" />;
  if (detail.isError) {
    // Not found and not yours look the same: the API answers 404 for both.
    if (detail.error instanceof ApiError && detail.error.status === 404) {
      return (
        <p className="p-4 text-sm text-text-muted" data-testid="event-not-found">
          Event not found.
        </p>
      );
    }
    return <LoadError what="the event" error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  return <Detail event={detail.data.event} updatedAt={detail.dataUpdatedAt} />;
}

export function EventDetailPanel({ id, poll, panelRef }: PanelProps) {
  const detail = useEventDetail(id, poll);
  return (
    <Panel
      ref={panelRef}
      tabIndex={-1}
      aria-labelledby="event-detail-heading"
      className="min-w-0 outline-none"
      data-testid="event-detail"
    >
      <h2 id="event-detail-heading" className="border-b border-border px-3 py-2 text-sm font-semibold">
        Event detail
      </h2>
      <PanelBody id={id} detail={detail} />
    </Panel>
  );
}
