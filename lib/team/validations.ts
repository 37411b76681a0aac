import { z } from "zod";

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
