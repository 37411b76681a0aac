"use client";

import { AlertTriangle, Check, Clock, RotateCcw, X } from "lucide-react";
import type { ReplyView } from "@/components/inbox-data/api-types";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useReplyDecision } from "./reply-api";
import { ScheduledReply } from "./scheduled-reply";
import { SendElsewhere } from "./send-elsewhere";

// A reply's send, under its bubble: Sending, Sent, or what went wrong with the choice it leaves a
// person (Retry sends again: the only way anything is sent twice; Dismiss puts it away).

const LABELS: Record<ReplyView["state"], string> = {
  sending: "Sending…",
  sent: "Sent",
  not_delivered: "Not delivered",
  unknown: "Outcome unknown — it may have gone out",
  dismissed: "Not delivered (dismissed)",
  scheduled: "Scheduled",
  cancelled: "Cancelled",
};

const DECISIONS = [
  { decision: "retry", label: "Retry", variant: "secondary", Icon: RotateCcw },
  { decision: "dismiss", label: "Dismiss", variant: "ghost", Icon: X },
] as const;

export const replyNeedsDecision = (reply: ReplyView | null) =>
  reply?.state === "not_delivered" || reply?.state === "unknown";

/** A sent reply's later life as HighLevel reports it (lib/replies/delivery-status.ts). */
const DELIVERY_LABELS: Record<string, string> = { delivered: "Delivered", read: "Read", opened: "Read" };

export function ReplyStatus({
  reply,
  conversationId,
  deliveryStatus = null,
  text = "",
}: {
  reply: ReplyView;
  conversationId: string;
  /** What the reply said: "Send on another channel" opens the composer with it. */
  text?: string;
  /** The message's status: once sent, "Delivered" or "Read" when HighLevel says so. */
  deliveryStatus?: string | null;
}) {
  const decide = useReplyDecision(conversationId);
  const pending = reply.id.startsWith("pending:");
  // Send later: "Scheduled for <time>" with Cancel (until HighLevel has taken it, "Scheduling…").
  if (reply.state === "scheduled" || (reply.state === "sending" && reply.scheduledFor))
    return reply.state === "scheduled" ? (
      <ScheduledReply reply={reply} conversationId={conversationId} />
    ) : (
      <span className="inline-flex items-center gap-0.5" data-testid="reply-state" data-state="sending">
        <Clock className="size-3" aria-hidden />
        Scheduling…
      </span>
    );
  if (!replyNeedsDecision(reply))
    return (
      <span className="inline-flex items-center gap-0.5" data-testid="reply-state" data-state={reply.state}>
        {reply.state === "sent" ? (
          <Check className="size-3" aria-hidden />
        ) : reply.state === "cancelled" ? (
          <X className="size-3" aria-hidden />
        ) : (
          <Clock className="size-3" aria-hidden />
        )}
        {(reply.state === "sent" && deliveryStatus && DELIVERY_LABELS[deliveryStatus]) || LABELS[reply.state]}
      </span>
    );
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2 text-xs" data-testid="reply-state" data-state={reply.state}>
      <Badge tone={reply.state === "unknown" ? "warning" : "danger"} className="py-0 font-semibold">
        <AlertTriangle className="size-3" aria-hidden /> {LABELS[reply.state]}
      </Badge>
      {reply.error && reply.state === "not_delivered" && <span className="text-text">{reply.error}</span>}
      <span className="ml-auto flex gap-1">
        {reply.state === "not_delivered" && (
          <SendElsewhere conversationId={conversationId} failedChannel={reply.channel} text={text} />
        )}
        {DECISIONS.map(({ decision, label, variant, Icon }) => (
          <Button
            key={decision}
            size="sm"
            variant={variant}
            disabled={pending || decide.isPending}
            onClick={() => decide.mutate({ replyId: reply.id, decision })}
          >
            <Icon className="size-3.5" aria-hidden /> {label}
          </Button>
        ))}
      </span>
      {decide.isError && (
        <span role="alert" className="w-full text-danger">
          {decide.error.message}
        </span>
      )}
    </div>
  );
}
