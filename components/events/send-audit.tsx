"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { callRoute } from "@/components/api/call-route";
import { sendAuditRoute } from "@/lib/contracts/events";
import { CHANNEL_META } from "@/components/inbox-data/channel-meta";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Panel } from "@/components/ui/panel";
import { LoadError, Loading } from "@/components/ui/query-state";
import { SEND_AUDIT_LABELS, type SendAuditRow } from "@/lib/replies/audit-types";
import type { Channel, SendAuditAction } from "@/lib/vocabulary";
import { ConversationLink } from "./conversation-link";
import { FOCUS_RING, formatWhen } from "./format";

// The send audit under the event log: who sent what from Threadline, when, and how each send
// ended. No message text (the audit keeps none); the conversation is a link for those who may read it.

const TONES: Record<SendAuditAction, BadgeTone> = {
  send: "accent",
  retry: "accent",
  dismiss: "neutral",
  cancel: "neutral",
  sent: "success",
  scheduled: "accent",
  not_delivered: "danger",
  unknown: "warning",
};

const channelLabel = (channel: string) => CHANNEL_META[channel as Channel]?.label ?? channel;

function who(row: SendAuditRow): string {
  if (!row.actor) return "someone (before the audit began)";
  return row.actor.kind === "token" ? `API token “${row.actor.name}”` : row.actor.name;
}

function AuditRow({ row }: { row: SendAuditRow }) {
  return (
    <li className="flex flex-col gap-0.5 px-3 py-2" data-testid="send-audit-row">
      <span className="flex flex-wrap items-center gap-2">
        <Badge tone={TONES[row.action]}>{SEND_AUDIT_LABELS[row.action]}</Badge>
        <span className="text-sm">{channelLabel(row.channel)}</span>
        <span className="min-w-0 truncate text-sm font-medium">{who(row)}</span>
        <span className="ml-auto shrink-0 text-xs text-text-muted">{formatWhen(row.at)}</span>
      </span>
      <span className="flex flex-wrap gap-x-2 text-xs text-text-muted">
        <span className="min-w-0 truncate">{row.accountName}</span>
        {row.conversationId ? <ConversationLink id={row.conversationId} /> : <span>conversation deleted</span>}
      </span>
      {row.reason && <span className="text-xs text-danger">{row.reason}</span>}
    </li>
  );
}

/** Newest first, 50 at a time. */
export function SendAudit() {
  const list = useInfiniteQuery({
    queryKey: ["send-audit"],
    queryFn: ({ pageParam, signal }) =>
      callRoute(sendAuditRoute, { query: { limit: 50, cursor: pageParam ?? undefined } }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = list.data?.pages.flatMap((page) => page.rows) ?? [];
  return (
    <Panel aria-labelledby="send-audit-heading" className="flex min-w-0 flex-col">
      <h2 id="send-audit-heading" className="border-b border-border px-3 py-2 text-sm font-semibold">
        Sends
      </h2>
      <p className="px-3 pt-2 text-xs text-text-muted">
        Every reply sent from Threadline: who sent or retried it, when, and how it ended. Message text is not kept here.
      </p>
      {list.isPending ? (
        <Loading what="sends" />
      ) : list.isError ? (
        <LoadError what="sends" error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <p className="p-4 text-sm text-text-muted">Nothing has been sent from Threadline yet.</p>
      ) : (
        <ul className="divide-y divide-border-subtle" aria-label="Sends, newest first">
          {rows.map((row) => (
            <AuditRow key={row.id} row={row} />
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <Button
          variant="ghost"
          onClick={() => {
            if (!list.isFetchingNextPage) void list.fetchNextPage();
          }}
          aria-disabled={list.isFetchingNextPage}
          className={cn("rounded-none border-t border-border py-2 text-accent", FOCUS_RING)}
        >
          {list.isFetchingNextPage ? "Loading…" : "Load more sends"}
        </Button>
      )}
    </Panel>
  );
}
