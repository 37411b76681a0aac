import { z } from "zod";
import { TEXT_MAX_CHARACTERS } from "./validations";
import { replyChannelSchema } from "@/lib/vocabulary";

// A reply draft as the composer saves it (browser-safe: the composer reads the same limits).

/** An email subject a person may type (the same limit a reply's subject has). */
export const DRAFT_SUBJECT_MAX_CHARACTERS = 300;

/** Typed Cc or Bcc addresses (20 long ones). */
export const DRAFT_COPY_MAX_CHARACTERS = 2_000;

export const draftInputSchema = z.strictObject({
  /** Kept exactly as typed (whitespace too): what the composer shows again. */
  text: z.string().max(TEXT_MAX_CHARACTERS, `a draft can be at most ${TEXT_MAX_CHARACTERS} characters`),
  subject: z
    .string()
    .max(DRAFT_SUBJECT_MAX_CHARACTERS, `a subject can be at most ${DRAFT_SUBJECT_MAX_CHARACTERS} characters`)
    .nullish(),
  channel: replyChannelSchema.nullish(),
  /** Email Cc and Bcc as typed (checked only when sent: a draft may hold half an address). */
  cc: z.string().max(DRAFT_COPY_MAX_CHARACTERS, `Cc can be at most ${DRAFT_COPY_MAX_CHARACTERS} characters`).nullish(),
  bcc: z
    .string()
    .max(DRAFT_COPY_MAX_CHARACTERS, `Bcc can be at most ${DRAFT_COPY_MAX_CHARACTERS} characters`)
    .nullish(),
});
export type DraftInput = z.infer<typeof draftInputSchema>;

export interface DraftView {
  text: string;
  subject: string | null;
  channel: string | null;
  cc: string | null;
  bcc: string | null;
  /** When the server last stored it (ISO 8601): the newer of this and a browser's offline copy wins. */
  updatedAt: string;
}

/** A draft is its text: with none (a subject or channel alone, what is left after Send) there is no draft. */
export const isEmptyDraft = (draft: { text: string }) => draft.text.trim() === "";
