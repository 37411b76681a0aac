import type { Message } from "@/components/inbox-data/api-types";
import { dayKey, formatDay } from "@/lib/format";

export type ThreadRow =
  | { type: "day"; key: string; label: string }
  | { type: "message"; key: string; message: Message; showSubject: boolean };

/**
 * Messages (oldest first) with a divider before each new day. An email shows its subject only
 * where its thread starts or the subject changes, so one email thread reads as a thread.
 */
export function buildThreadRows(messages: Message[]): ThreadRow[] {
  const rows: ThreadRow[] = [];
  const lastSubjectByThread = new Map<string, string | null>();
  let currentDay = "";
  for (const message of messages) {
    const day = dayKey(message.sentAt);
    if (day !== currentDay) {
      currentDay = day;
      rows.push({ type: "day", key: `day-${day}`, label: formatDay(message.sentAt) });
    }
    let showSubject = true;
    const threadId = message.email?.threadId;
    if (threadId) {
      const normalized = message.subject?.replace(/^((re|fw|fwd|aw)\s*:\s*)+/i, "") ?? null;
      showSubject = lastSubjectByThread.get(threadId) !== normalized;
      lastSubjectByThread.set(threadId, normalized);
    }
    rows.push({ type: "message", key: message.id, message, showSubject });
  }
  return rows;
}
