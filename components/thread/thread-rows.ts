import type { Activity, ConversationTeam, CustomerRecords, Message } from "@/components/inbox-data/api-types";
import { dayKey, formatDay, formatWakeTime } from "@/lib/format";
import { highLevelSyncText } from "./highlevel-sync-text";

/**
 * A customer's note or appointment change (from HighLevel), a colleague's internal note, or a line
 * saying what someone did ("Ana assigned this to Ben"), shown in the conversation at its time.
 */
export interface TimelineEntry {
  key: string;
  kind: "note" | "appointment-booked" | "appointment-changed" | "internal-note" | "activity";
  at: string;
  text: string;
  /** An internal note's author. */
  author?: string;
  appointment?: CustomerRecords["appointments"][number];
}

/** "Ana assigned this to Ben", "Snoozed until Mon 9:00 AM by Ana", "Label Billing added by Ana". */
export function activityText(line: Activity): string {
  const who = line.actorName ?? "Someone";
  switch (line.kind) {
    case "assigned":
      return line.detail.assigneeName === line.actorName
        ? `${who} assigned this to themselves`
        : `${who} assigned this to ${line.detail.assigneeName ?? "someone"}`;
    case "unassigned":
      return `Unassigned by ${who}`;
    case "snoozed":
      return `Snoozed until ${formatWakeTime(line.detail.until ?? null)} by ${who}`;
    case "unsnoozed":
      return `Unsnoozed by ${who}`;
    case "woke":
      return "Back from snooze";
    case "done":
      return `Marked done by ${who}`;
    case "reopened":
      return `Reopened by ${who}`;
    case "labeled":
      return `Label ${line.detail.labelName ?? ""} added by ${who}`;
    case "unlabeled":
      return `Label ${line.detail.labelName ?? ""} removed by ${who}`;
    case "highlevel_assigned":
    case "highlevel_synced":
    case "highlevel_sync_retrying":
    case "highlevel_sync_failed":
    case "highlevel_not_synced":
      return highLevelSyncText({ ...line, kind: line.kind });
  }
}

/** Internal notes and activity lines, oldest first. */
export function teamEntries(team: ConversationTeam | null): TimelineEntry[] {
  if (!team) return [];
  const notes = team.notes.map((note) => ({
    key: `internal-note-${note.id}`,
    kind: "internal-note" as const,
    at: note.at,
    text: note.text,
    author: note.authorName,
  }));
  const lines = team.activity.map((line) => ({
    key: `activity-${line.id}`,
    kind: "activity" as const,
    at: line.at,
    text: activityText(line),
  }));
  return [...notes, ...lines];
}

export type ThreadRow =
  | { type: "day"; key: string; label: string }
  | { type: "message"; key: string; message: Message; showSubject: boolean }
  | { type: "record"; key: string; entry: TimelineEntry };

/** Notes (when written) and appointments (when booked, and when last changed). */
export function timelineEntries(records: CustomerRecords | null): TimelineEntry[] {
  if (!records) return [];
  const entries: TimelineEntry[] = [];
  for (const note of records.notes)
    if (note.at) entries.push({ key: `note-${note.id}`, kind: "note", at: note.at, text: note.body ?? "" });
  for (const appointment of records.appointments) {
    const title = appointment.title ?? "Appointment";
    if (appointment.addedAt)
      entries.push({
        key: `appt-${appointment.id}`,
        kind: "appointment-booked",
        at: appointment.addedAt,
        text: title,
        appointment,
      });
    if (appointment.changedAt)
      entries.push({
        key: `appt-${appointment.id}-changed`,
        kind: "appointment-changed",
        at: appointment.changedAt,
        text: title,
        appointment,
      });
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * Messages (oldest first) with a divider before each new day, and the customer's timeline
 * entries at their times. An email shows its subject only where its thread starts or the
 * subject changes, so one email thread reads as a thread. Entries older than the oldest loaded
 * message wait until that part of the thread is loaded (`complete`).
 */
export function buildThreadRows(messages: Message[], entries: TimelineEntry[] = [], complete = true): ThreadRow[] {
  const rows: ThreadRow[] = [];
  const lastSubjectByThread = new Map<string, string | null>();
  let currentDay = "";
  const oldest = messages[0]?.sentAt ?? null;
  const pending = entries.filter((entry) => complete || (oldest !== null && entry.at >= oldest));
  const pushDay = (at: string | null) => {
    const day = dayKey(at);
    if (day !== currentDay) {
      currentDay = day;
      rows.push({ type: "day", key: `day-${day}`, label: formatDay(at) });
    }
  };
  const flushUntil = (at: string | null) => {
    while (pending.length > 0 && (at === null || pending[0]!.at <= at)) {
      const entry = pending.shift()!;
      pushDay(entry.at);
      rows.push({ type: "record", key: entry.key, entry });
    }
  };
  for (const message of messages) {
    if (message.sentAt) flushUntil(message.sentAt);
    pushDay(message.sentAt);
    let showSubject = true;
    const threadId = message.email?.threadId;
    if (threadId) {
      const normalized = message.subject?.replace(/^((re|fw|fwd|aw)\s*:\s*)+/i, "") ?? null;
      showSubject = lastSubjectByThread.get(threadId) !== normalized;
      lastSubjectByThread.set(threadId, normalized);
    }
    rows.push({ type: "message", key: message.id, message, showSubject });
  }
  flushUntil(null);
  return rows;
}
