import { z } from "zod";
import { calendarDaySchema, timeZoneSchema } from "@/lib/http/date-params";
import { channelSchema, directionSchema } from "@/lib/vocabulary";

export const TRIAGE_VIEWS = [
  "unread",
  "needs-reply",
  "callbacks",
  "mine",
  "unassigned",
  "mentions",
  "snoozed",
  "not-delivered",
  "done",
] as const;
export type TriageView = (typeof TRIAGE_VIEWS)[number];

// Query parameters of the read API. Unknown values are rejected with a 400 saying which.

const limit = (max: number, fallback: number) =>
  z.coerce.number().int("limit must be a whole number").min(1).max(max).default(fallback);

/** The list's query fields without their cross-field rule (the view counts pick from them). */
export const conversationListFieldsSchema = z.object({
  channel: z.array(channelSchema).default([]),
  direction: directionSchema.optional(),
  unread: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((value) => value === "true" || value === "1"),
  q: z
    .string()
    .trim()
    .max(200, "q is at most 200 characters")
    .optional()
    .transform((value) => value || undefined),
  /** A built-in view (README "Triage views"); none is All. */
  view: z.enum(TRIAGE_VIEWS).optional(),
  /** Open (not done), done, or all (the default). */
  state: z.enum(["open", "done", "all"]).default("all"),
  customerId: z.string().min(1).optional(),
  /** Conversations carrying this label (one of the viewer's accounts'; another's matches nothing). */
  label: z.string().min(1).max(100).optional(),
  /** One account of those the viewer may read; another's id simply matches nothing. */
  account: z.string().min(1).max(100).optional(),
  /** With tz: conversations with a missed inbound call or voicemail (Callbacks' rule) on that day there (Reports' links). */
  missedOn: calendarDaySchema.optional(),
  tz: timeZoneSchema.optional(),
  limit: limit(200, 50),
  cursor: z.string().min(1).optional(),
});
export const conversationListQuerySchema = conversationListFieldsSchema.refine((q) => !q.missedOn || q.tz, {
  message: "missedOn needs tz",
  path: ["tz"],
});
export type ConversationListQuery = z.infer<typeof conversationListQuerySchema>;

export const messageListQuerySchema = z.object({
  limit: limit(500, 100),
  cursor: z.string().min(1).optional(),
  /** Start from the newest page and walk back in time (chat views); default walks forward from the oldest. */
  latest: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((value) => value === "true" || value === "1"),
});
export type MessageListQuery = z.infer<typeof messageListQuerySchema>;

/** Repeated keys become arrays (channel=sms&channel=email); "channel=sms,email" is accepted too. */
export function searchParamsToObject(
  params: URLSearchParams,
  arrayKeys: readonly string[] = [],
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    result[key] = arrayKeys.includes(key)
      ? values
          .flatMap((value) => value.split(","))
          .map((value) => value.trim())
          .filter(Boolean)
      : values.at(-1);
  }
  return result;
}
