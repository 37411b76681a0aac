import { CalendarCheck, CalendarClock, Lock, StickyNote } from "lucide-react";
import { HighlightedText } from "@/components/ui/highlighted-text";
import { cn } from "@/components/ui/cn";
import { formatFullDate, formatTime } from "@/lib/format";
import type { TimelineEntry } from "./thread-rows";

const HEADINGS: Record<TimelineEntry["kind"], string> = {
  note: "Note",
  "appointment-booked": "Appointment booked",
  "appointment-changed": "Appointment changed",
  "internal-note": "Internal note",
  activity: "Activity",
};

/** A colleague's note: a bubble of its own colour, never mistaken for a message the customer saw. */
function InternalNote({ entry, focused }: { entry: TimelineEntry; focused: boolean }) {
  return (
    <article
      className={cn(
        "mx-auto my-1.5 w-[min(36rem,calc(100%-2rem))] rounded-card border border-warning-border bg-warning-soft px-3 py-2 text-sm",
        focused && "ring-2 ring-focus",
      )}
      data-testid="internal-note"
      data-focused={focused || undefined}
      aria-label={`Internal note by ${entry.author} at ${formatTime(entry.at)}`}
    >
      <p className="flex items-center gap-1.5 text-xs font-medium text-warning">
        <Lock className="size-3.5" aria-hidden />
        Internal note
        <span aria-hidden>·</span>
        <span className="text-text">{entry.author}</span>
        <span aria-hidden>·</span>
        <time dateTime={entry.at}>{formatTime(entry.at)}</time>
      </p>
      <p className="mt-1 whitespace-pre-line break-words text-text">
        <HighlightedText text={entry.text} />
      </p>
    </article>
  );
}

/**
 * A note or an appointment change between the messages: centred and dashed, never a bubble.
 * `focused`: the note a search opened the thread at.
 */
export function TimelineEntryRow({ entry, focused = false }: { entry: TimelineEntry; focused?: boolean }) {
  if (entry.kind === "internal-note") return <InternalNote entry={entry} focused={focused} />;
  if (entry.kind === "activity")
    return (
      <p className="my-0.5 text-center text-xs text-text-muted" data-testid="activity-line">
        {entry.text} · <time dateTime={entry.at}>{formatTime(entry.at)}</time>
      </p>
    );
  const Icon = entry.kind === "note" ? StickyNote : entry.kind === "appointment-booked" ? CalendarCheck : CalendarClock;
  const appointment = entry.appointment;
  return (
    <aside
      className={cn(
        "mx-auto my-1 w-[min(32rem,calc(100%-2rem))] rounded-card border border-dashed border-border bg-surface px-3 py-1.5 text-xs",
        focused && "ring-2 ring-focus",
      )}
      data-testid="timeline-entry"
      data-focused={focused || undefined}
      data-kind={entry.kind}
      aria-label={`${HEADINGS[entry.kind]} at ${formatTime(entry.at)}`}
    >
      <p className="flex items-center gap-1.5 font-medium text-text-muted">
        <Icon className="size-3.5" aria-hidden />
        {HEADINGS[entry.kind]}
        <span aria-hidden>·</span>
        <time dateTime={entry.at}>{formatTime(entry.at)}</time>
      </p>
      {entry.kind === "note" ? (
        <p className="mt-0.5 whitespace-pre-line text-text">
          <HighlightedText text={entry.text} />
        </p>
      ) : (
        <p className="mt-0.5 text-text">
          {entry.text}
          {appointment?.startsAt && <> — {formatFullDate(appointment.startsAt)}</>}
          {appointment?.status && appointment.status !== "unknown" && (
            <span className="text-text-muted">
              {" "}
              · {appointment.status === "noshow" ? "no-show" : appointment.status}
            </span>
          )}
        </p>
      )}
    </aside>
  );
}
