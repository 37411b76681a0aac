import { AlarmClock, CheckCheck, Clock, Flame, Hand, MessageSquareReply, PhoneMissed, Voicemail } from "lucide-react";
import type { ConversationSummary } from "@/components/inbox-data/api-types";
import type { View } from "@/components/inbox-data/api-client";
import { Badge } from "@/components/ui/badge";
import { formatFullDate, formatWakeTime, showableDate } from "@/lib/format";

/** "12 min", "3 h", "4 d": how long a customer has waited, at a glance (whole units, rounded down). */
export function formatWait(iso: string, now = Date.now()): string {
  const date = showableDate(iso);
  if (!date) return "a while";
  const minutes = Math.max(0, Math.floor((now - date.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} d`;
}

/** "35 min", "2 h": how long until a time still ahead. */
function formatDueIn(iso: string, now = Date.now()): string {
  // The same whole units as a wait, counted forward.
  return formatWait(new Date(now - (Date.parse(iso) - now)).toISOString(), now);
}

const urgentMark = (
  <Badge tone="danger" data-testid="urgent-mark" className="font-semibold">
    <Flame className="size-3" aria-hidden /> Urgent
  </Badge>
);

/**
 * What a row says about triage in the view it is shown in: in Needs reply how long the customer
 * has waited; in Callbacks when the callback is due (in the danger colour once overdue), "Urgent"
 * when a Voice AI call made it so, how long ago the call was missed and whether an SMS went back;
 * elsewhere "Urgent", "Closed by customer?" and "Done" (the other marks would repeat what the
 * view already says). docs/triage-rules.md says what puts a conversation in each.
 */
export function TriageMarks({ conversation, view }: { conversation: ConversationSummary; view: View | null }) {
  const { awaitingReplySince: waiting, callback, snoozedUntil } = conversation;
  if (snoozedUntil)
    return (
      <Badge tone="neutral" data-testid="snoozed-until" title={`Snoozed until ${formatFullDate(snoozedUntil)}`}>
        <AlarmClock className="size-3" aria-hidden /> until {formatWakeTime(snoozedUntil)}
      </Badge>
    );
  if (view === "needs-reply" && waiting)
    return (
      <Badge tone="warning" data-testid="waiting" title={`Waiting since ${formatFullDate(waiting)}`}>
        <Clock className="size-3" aria-hidden /> waiting {formatWait(waiting)}
      </Badge>
    );
  if (view === "callbacks" && callback) {
    const Icon = callback.recording ? Voicemail : PhoneMissed;
    const overdue = Date.parse(callback.dueAt) <= Date.now();
    const tone = overdue ? "danger" : "warning";
    const due = `Callback due ${formatFullDate(callback.dueAt)}`;
    return (
      <span className="flex shrink-0 items-center gap-1">
        {callback.urgent ? (
          <>
            {urgentMark}
            <Badge tone={tone} data-testid="callback-due" title={due}>
              <Clock className="size-3" aria-hidden />{" "}
              {overdue ? `overdue ${formatWait(callback.dueAt)}` : `due in ${formatDueIn(callback.dueAt)}`}
            </Badge>
          </>
        ) : (
          <Badge tone={tone} data-testid="callback-since" title={`Missed ${formatFullDate(callback.since)}. ${due}`}>
            <Icon className="size-3" aria-hidden /> {callback.recording ? "voicemail" : "missed"}{" "}
            {formatWait(callback.since)} ago
          </Badge>
        )}
        {callback.textedBack && (
          <Badge tone="success" data-testid="texted-back">
            <MessageSquareReply className="size-3" aria-hidden /> texted back
          </Badge>
        )}
      </span>
    );
  }
  if (callback?.urgent && view !== "done") return urgentMark;
  if (conversation.closedByCustomer)
    return (
      <Badge
        tone="neutral"
        data-testid="closed-by-customer"
        title="Their last message only closed the exchange: press e to mark it done"
      >
        <Hand className="size-3" aria-hidden /> Closed by customer?
      </Badge>
    );
  if (conversation.done && view !== "done")
    return (
      <Badge tone="success" data-testid="done-mark">
        <CheckCheck className="size-3" aria-hidden /> Done
      </Badge>
    );
  return null;
}
