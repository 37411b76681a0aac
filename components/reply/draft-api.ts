"use client";

import { callRoute, urlOf } from "@/components/api/call-route";
import { draftRoute, saveDraftRoute } from "@/lib/contracts/replies";
import type { DraftInput, DraftView } from "@/lib/replies/draft-validations";

// The person's own reply draft on the server (GET/PUT/DELETE /api/conversations/{id}/draft).

export const draftQueryKey = (conversationId: string) => ["draft", conversationId] as const;

export async function fetchDraft(conversationId: string): Promise<DraftView | null> {
  return (await callRoute(draftRoute, { params: { id: conversationId } })).draft;
}

/** Stores the draft (an empty one is removed on the server too). */
export async function putDraft(conversationId: string, draft: DraftInput): Promise<DraftView | null> {
  return (await callRoute(saveDraftRoute, { params: { id: conversationId }, body: draft })).draft;
}

/** The page is going away: a save that outlives it (keepalive), answered or not. */
export function putDraftAsPageLeaves(conversationId: string, draft: DraftInput): void {
  void fetch(urlOf(saveDraftRoute, { params: { id: conversationId }, body: draft }), {
    method: saveDraftRoute.method,
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(draft),
    keepalive: true,
  }).catch(() => {});
}
