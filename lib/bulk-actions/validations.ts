import { z } from "zod";
import { SNOOZE_MAX_DAYS } from "@/lib/team/validations";

// What a bulk action accepts (browser-safe: the selection bar imports the limit). The target is
// either the conversations a person ticked, or "all N matching" as the list's own URL query, which
// the server evaluates in the person's scope (the client never sends ids it might not see).

/** At most this many conversations per action: "select all" past it asks for a narrower filter. */
export const BULK_MAX = 10_000;

export const BULK_KINDS = ["done", "assign", "label", "unlabel", "snooze", "read", "unread"] as const;
export const bulkKindSchema = z.enum(BULK_KINDS);
export type BulkKind = z.infer<typeof bulkKindSchema>;

const id = z.string().min(1).max(200);

export const bulkTargetSchema = z.union([
  z.object({ ids: z.array(id).min(1, "select at least one conversation").max(BULK_MAX) }).strict(),
  /** The list's query string (`view=mine&channel=sms&q=refund`): every conversation it matches. */
  z.object({ query: z.string().max(4_000) }).strict(),
]);
export type BulkTarget = z.infer<typeof bulkTargetSchema>;

const DAY_MS = 86_400_000;
const until = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value))
  .refine((date) => date.getTime() > Date.now(), "until must be in the future")
  .refine(
    (date) => date.getTime() <= Date.now() + SNOOZE_MAX_DAYS * DAY_MS,
    `until must be within ${SNOOZE_MAX_DAYS} days`,
  );

export const bulkActionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("done") }),
  z.object({ kind: z.literal("assign"), assigneeId: id.nullable() }),
  z.object({ kind: z.literal("label"), labelId: id }),
  z.object({ kind: z.literal("unlabel"), labelId: id }),
  z.object({ kind: z.literal("snooze"), until }),
  z.object({ kind: z.literal("read") }),
  z.object({ kind: z.literal("unread") }),
]);
export type BulkActionInput = z.infer<typeof bulkActionSchema>;

export const bulkRequestSchema = z.object({ target: bulkTargetSchema, action: bulkActionSchema });
export type BulkRequest = z.infer<typeof bulkRequestSchema>;
