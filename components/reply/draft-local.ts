"use client";

import type { DraftInput } from "@/lib/replies/draft-validations";

// The browser's copy of a draft the server has not confirmed yet (offline, a save that failed, a
// page closed mid-save): written on every change, removed once the server has that same text.
// Drafts written before they moved to the server (a plain string) are read as the oldest copy.

export interface LocalDraft {
  draft: Required<Pick<DraftInput, "text">> & Pick<DraftInput, "subject" | "channel" | "cc" | "bcc">;
  /** When it was typed (ms): the newer of this and the server's copy wins. */
  at: number;
}

const keyOf = (conversationId: string) => `threadline:draft:${conversationId}`;

export function readLocalDraft(conversationId: string): LocalDraft | null {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(keyOf(conversationId));
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<LocalDraft> | null;
    if (parsed && typeof parsed === "object" && typeof parsed.draft?.text === "string")
      return { draft: parsed.draft, at: Number(parsed.at) || 0 };
  } catch {
    // Not JSON: a draft from before drafts were on the server.
  }
  return { draft: { text: raw, subject: null, channel: null }, at: 0 };
}

export function writeLocalDraft(conversationId: string, local: LocalDraft | null): void {
  try {
    if (local) window.localStorage.setItem(keyOf(conversationId), JSON.stringify(local));
    else window.localStorage.removeItem(keyOf(conversationId));
  } catch {
    // Storage full or refused (private mode): the server's copy is the only one.
  }
}
