import { z } from "zod";
import { labelColorSchema } from "@/lib/vocabulary";

// What the team actions accept (browser-safe: the composer and menus import these limits).

export const NOTE_MAX_CHARACTERS = 10_000;
/** Snoozes end within a year: further than that is a mistake, or a conversation to mark done. */
export const SNOOZE_MAX_DAYS = 366;

export const assignInputSchema = z.object({
  /** A member of the conversation's account, or null to unassign. */
  assigneeId: z.string().min(1).max(200).nullable(),
});

export const snoozeInputSchema = z.object({
  until: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
});

export const noteInputSchema = z.object({
  text: z
    .string()
    .max(NOTE_MAX_CHARACTERS, `a note is at most ${NOTE_MAX_CHARACTERS} characters`)
    .refine((text) => text.trim().length > 0, "a note needs some text"),
  /** The people the note @mentions, by id (the composer's autocomplete picks them). */
  mentions: z.array(z.string().min(1).max(200)).max(50).default([]),
});
export type NoteInput = z.infer<typeof noteInputSchema>;

export const presenceInputSchema = z.object({
  /** Typing a reply to the customer right now ("Ana is replying…"). */
  typing: z.boolean().default(false),
});

export const LABEL_NAME_MAX = 40;
const labelName = z
  .string()
  .trim()
  .min(1, "a label needs a name")
  .max(LABEL_NAME_MAX, `a label's name is at most ${LABEL_NAME_MAX} characters`);

export const labelInputSchema = z.object({ name: labelName, color: labelColorSchema.default("blue") });
export type LabelInput = z.infer<typeof labelInputSchema>;

export const labelPatchSchema = z
  .object({ name: labelName.optional(), color: labelColorSchema.optional() })
  .refine((patch) => patch.name !== undefined || patch.color !== undefined, "give a name or a color");
export type LabelPatch = z.infer<typeof labelPatchSchema>;

export const savedViewInputSchema = z.object({
  name: z.string().trim().min(1, "a view needs a name").max(60, "a view's name is at most 60 characters"),
  /** The list's URL query (what the address bar shows after `?`). */
  query: z.string().max(1_000),
  /** Shared with the team of `accountId` (or of the query's account). */
  shared: z.boolean().default(false),
  accountId: z.string().min(1).max(100).optional(),
});
export type SavedViewInput = z.infer<typeof savedViewInputSchema>;
