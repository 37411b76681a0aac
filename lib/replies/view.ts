import type { ReplyState } from "@/lib/vocabulary";
import { replyStateSchema } from "@/lib/vocabulary";

// A reply as the API shows it (beside its message in the thread, and to the composer).

export interface ReplyView {
  id: string;
  messageId: string;
  channel: string;
  state: ReplyState;
  /** HighLevel's reason (not delivered) or what happened (outcome unknown). */
  error: string | null;
  /** Send later: when HighLevel is to send it (ISO 8601), or null for at once. */
  scheduledFor: string | null;
}

export function replyView(row: {
  id: string;
  messageId: string;
  channel: string;
  state: string;
  error: string | null;
  scheduledFor?: Date | null;
}): ReplyView {
  return {
    id: row.id,
    messageId: row.messageId,
    channel: row.channel,
    state: replyStateSchema.parse(row.state),
    error: row.error,
    scheduledFor: row.scheduledFor?.toISOString() ?? null,
  };
}
