"use client";

import { apiFetch } from "@/components/api/api-fetch";
import type { DraftInput, DraftView } from "@/lib/replies/draft-validations";

// The person's own reply draft on the server (GET/PUT/DELETE /api/conversations/{id}/draft).

export const draftQueryKey = (conversationId: string) => ["draft", conversationId] as const;

const draftUrl = (conversationId: string) => `/api/conversations/${encodeURIComponent(conversationId)}/draft`;

export async function fetchDraft(conversationId: string): Promise<DraftView | null> {
  return (await apiFetch<{ draft: DraftView | null }>(draftUrl(conversationId))).draft;
}

/** Stores the draft (an empty one is removed on the server too). */
export async function putDraft(conversationId: string, draft: DraftInput): Promise<DraftView | null> {
  return (await apiFetch<{ draft: DraftView | null }>(draftUrl(conversationId), { method: "PUT", body: draft })).draft;
}

/** The page is going away: a save that outlives it (keepalive), answered or not. */
export function putDraftAsPageLeaves(conversationId: string, draft: DraftInput): void {
  void fetch(draftUrl(conversationId), {
    method: "PUT",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(draft),
    keepalive: true,
  }).catch(() => {});
}
