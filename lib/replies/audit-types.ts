import { z } from "zod";
import type { SendAuditAction } from "@/lib/vocabulary";

// The send audit's API (GET /api/send-audit): its query and answer. Browser-safe: the event log
// page imports it.

export const sendAuditQuerySchema = z.object({
  /** One account's rows (one the viewer owns); all of theirs when left out. */
  accountId: z.string().min(1).max(100).optional(),
  cursor: z.string().min(1).max(500).optional(),
  limit: z.coerce.number().int("limit must be a whole number").min(1).max(100).default(50),
});
export type SendAuditQuery = z.infer<typeof sendAuditQuerySchema>;

/** One row: who did what to which reply, when. Never the message text. */
export interface SendAuditRow {
  id: string;
  /** ISO 8601. */
  at: string;
  action: SendAuditAction;
  channel: string;
  accountId: string;
  accountName: string;
  conversationId: string | null;
  replyId: string | null;
  /** A person, an API token, or nobody known (a reply from before the audit began). */
  actor: { kind: "person" | "token"; name: string } | null;
  /** HighLevel's reason (not delivered) or what happened (outcome unknown). */
  reason: string | null;
}

export interface SendAuditPage {
  rows: SendAuditRow[];
  nextCursor: string | null;
}

export const SEND_AUDIT_LABELS: Record<SendAuditAction, string> = {
  send: "Send",
  retry: "Retry",
  dismiss: "Dismiss",
  cancel: "Cancel",
  sent: "Sent",
  scheduled: "Scheduled",
  not_delivered: "Not delivered",
  unknown: "Outcome unknown",
};
