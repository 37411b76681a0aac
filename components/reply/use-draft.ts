"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "@/components/api/api-fetch";
import type { DraftView } from "@/lib/replies/draft-validations";
import { isReplyChannel, type ReplyChannel } from "@/lib/vocabulary";
import { draftQueryKey, fetchDraft, putDraft, putDraftAsPageLeaves } from "./draft-api";
import { readLocalDraft, writeLocalDraft } from "./draft-local";

// A conversation's unsent reply, the person's own, kept on the server: a reload or another
// device shows it. Typing saves ~500 ms after the last key, and at once when the composer loses
// focus (Esc too), closes, or the page goes away. One save at a time: what is typed while a save
// is on its way is saved right after it, never dropped. Until the server has confirmed a text,
// this browser keeps a copy (offline, a failed save); the newer of that copy and the server's wins.

export interface DraftFields {
  text: string;
  /** An email subject the person typed; null: the composer's default ("Re: …"). */
  subject: string | null;
  /** The channel picked; null: the conversation's default. */
  channel: ReplyChannel | null;
  /** Email Cc and Bcc as typed ("" for none). */
  cc: string;
  bcc: string;
}

const EMPTY: DraftFields = { text: "", subject: null, channel: null, cc: "", bcc: "" };
const SAVE_AFTER_MS = 500;
const RETRY_AFTER_MS = 5_000;

const same = (a: DraftFields, b: DraftFields) =>
  a.text === b.text && a.subject === b.subject && a.channel === b.channel && a.cc === b.cc && a.bcc === b.bcc;
/** The server keeps no draft without text: an empty one there is the same as an empty one here. */
const sameOnServer = (a: DraftFields, b: DraftFields) => (a.text.trim() === "" && b.text.trim() === "") || same(a, b);

const RESTORED = "threadline:draft-restored";
interface Restored {
  conversationId: string;
  text: string;
  channel: ReplyChannel | null;
}

/**
 * A cancelled reply's text is the person's draft again (the server has put it there): an open
 * composer takes it at once, after whatever is in it, even mid-save, so neither is lost.
 */
export function restoreDraftText(detail: Restored): void {
  window.dispatchEvent(new CustomEvent<Restored>(RESTORED, { detail }));
}

const fieldsOf = (draft: DraftView | null | undefined): DraftFields =>
  draft
    ? {
        text: draft.text,
        subject: draft.subject,
        channel: draft.channel && isReplyChannel(draft.channel) ? draft.channel : null,
        cc: draft.cc ?? "",
        bcc: draft.bcc ?? "",
      }
    : EMPTY;

export function useDraft(conversationId: string) {
  const queryClient = useQueryClient();
  const server = useQuery({
    queryKey: draftQueryKey(conversationId),
    queryFn: () => fetchDraft(conversationId),
    staleTime: 10_000,
  });
  const [fields, setFields] = useState<DraftFields>(EMPTY);
  const sync = useRef({
    latest: EMPTY,
    /** Changed here and not yet confirmed by the server. */
    dirty: false,
    inFlight: false,
    /** The save timer fired while another save was on its way. */
    again: false,
    /** The server's draft has been read once (and weighed against this browser's copy). */
    loaded: false,
    localAt: 0,
    timer: undefined as ReturnType<typeof setTimeout> | undefined,
  });

  const show = useCallback((next: DraftFields) => {
    sync.current.latest = next;
    setFields(next);
  }, []);

  // This browser's copy first (it may be all there is, offline), then the server's (below).
  useEffect(() => {
    const local = readLocalDraft(conversationId);
    if (!local) return;
    sync.current.dirty = true;
    sync.current.localAt = local.at;
    const { text, subject, channel, cc, bcc } = local.draft;
    show({
      text,
      subject: subject ?? null,
      channel: channel && isReplyChannel(channel) ? channel : null,
      cc: cc ?? "",
      bcc: bcc ?? "",
    });
  }, [conversationId, show]);

  const save = useCallback(async () => {
    const state = sync.current;
    clearTimeout(state.timer);
    if (state.inFlight) {
      state.again = true;
      return;
    }
    if (!state.dirty) return;
    state.inFlight = true;
    state.again = false;
    const sending = state.latest;
    try {
      const stored = await putDraft(conversationId, sending);
      if (same(state.latest, sending)) {
        state.dirty = false;
        writeLocalDraft(conversationId, null);
      }
      queryClient.setQueryData(draftQueryKey(conversationId), stored);
    } catch (error) {
      // Refused as it is (a 4xx: too long): kept in this browser, not sent again until it changes.
      const refused = error instanceof ApiError && error.status >= 400 && error.status < 500;
      if (!refused) state.timer = setTimeout(() => void save(), RETRY_AFTER_MS);
    } finally {
      state.inFlight = false;
    }
    // Typed while that save was on its way: this saves it.
    if (state.again && state.dirty) void save();
  }, [conversationId, queryClient]);

  // The server's draft: taken when nothing here is waiting to be saved (a reload, another
  // device's edit, a cancelled reply put back); this browser's unsaved copy wins if it is newer.
  useEffect(() => {
    if (!server.isSuccess) return;
    const state = sync.current;
    const theirs = fieldsOf(server.data);
    if (!state.loaded) {
      state.loaded = true;
      const serverAt = server.data ? Date.parse(server.data.updatedAt) : 0;
      if (state.dirty && state.localAt >= serverAt) {
        void save();
        return;
      }
      state.dirty = false;
      writeLocalDraft(conversationId, null);
      show(theirs);
      return;
    }
    if (state.dirty || state.inFlight || sameOnServer(theirs, state.latest)) return;
    show(theirs);
  }, [server.isSuccess, server.data, conversationId, save, show]);

  const change = useCallback(
    (patch: Partial<DraftFields>) => {
      const state = sync.current;
      const next = { ...state.latest, ...patch };
      if (same(next, state.latest)) return;
      state.dirty = true;
      state.localAt = Date.now();
      writeLocalDraft(conversationId, { draft: next, at: state.localAt });
      show(next);
      clearTimeout(state.timer);
      state.timer = setTimeout(() => void save(), SAVE_AFTER_MS);
    },
    [conversationId, save, show],
  );

  useEffect(() => {
    const onRestored = (event: Event) => {
      const { detail } = event as CustomEvent<Restored>;
      if (detail.conversationId !== conversationId) return;
      const { text } = sync.current.latest;
      if (text.trim() === "") change({ text: detail.text, ...(detail.channel ? { channel: detail.channel } : {}) });
      else change({ text: `${text}\n\n${detail.text}` });
    };
    window.addEventListener(RESTORED, onRestored);
    return () => window.removeEventListener(RESTORED, onRestored);
  }, [conversationId, change]);

  // Closing the composer (another conversation, the Note tab) saves at once; a closing page
  // sends its last save with keepalive, so it arrives after the page is gone.
  useEffect(() => {
    const state = sync.current;
    const leave = () => {
      if (state.dirty) putDraftAsPageLeaves(conversationId, state.latest);
    };
    window.addEventListener("pagehide", leave);
    return () => {
      window.removeEventListener("pagehide", leave);
      clearTimeout(state.timer);
      if (state.inFlight) state.again = true;
      else if (state.dirty) void save();
    };
  }, [conversationId, save]);

  return {
    ...fields,
    setText: useCallback((text: string) => change({ text }), [change]),
    setSubject: useCallback((subject: string) => change({ subject }), [change]),
    setChannel: useCallback((channel: ReplyChannel) => change({ channel }), [change]),
    setCc: useCallback((cc: string) => change({ cc }), [change]),
    setBcc: useCallback((bcc: string) => change({ bcc }), [change]),
    /** Several fields at once (Send empties the text and the copies together). */
    update: change,
    /** Saves now (the composer lost focus, Esc). */
    flush: useCallback(() => void save(), [save]),
  };
}
