"use client";

import { type ClipboardEvent, type DragEvent, useEffect, useRef, useState } from "react";
import { urlOf } from "@/components/api/call-route";
import { attachFileRoute } from "@/lib/contracts/replies";
import type { ReceivedOf } from "@/lib/contracts/define-route";
import { checkAttachment, MAX_ATTACHMENTS } from "@/lib/replies/attachment-limits";
import type { ReplyChannel } from "@/lib/vocabulary";

// The files on a reply being written: each is checked against the channel's limits in the browser
// (nothing too big or of the wrong type leaves it), then uploaded at once through the attachments
// route with its progress shown; the reply sends the URLs. A refusal is one message for the
// composer to show; the text and the other files stay as they are.

export interface ReplyAttachment {
  id: string;
  name: string;
  size: number;
  type: string;
  state: "uploading" | "uploaded";
  /** 0–1 while uploading. */
  progress: number;
  url: string | null;
}

type Uploaded = ReceivedOf<typeof attachFileRoute>;

function errorOf(request: XMLHttpRequest): string {
  try {
    const body = JSON.parse(request.responseText) as { error?: unknown };
    if (typeof body.error === "string" && body.error) return body.error;
  } catch {
    // not JSON: the status says it
  }
  return request.status ? `The file was not uploaded (${request.status})` : "The file was not uploaded: no connection";
}

/** POSTs one file; XMLHttpRequest rather than fetch, for its upload progress. */
function upload(
  conversationId: string,
  channel: ReplyChannel,
  file: File,
  onProgress: (fraction: number) => void,
): { done: Promise<Uploaded>; abort: () => void } {
  const request = new XMLHttpRequest();
  const done = new Promise<Uploaded>((resolve, reject) => {
    request.open(attachFileRoute.method, urlOf(attachFileRoute, { params: { id: conversationId } }));
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () =>
      request.status === 201
        ? resolve(JSON.parse(request.responseText) as Uploaded)
        : reject(new Error(errorOf(request)));
    request.onerror = () => reject(new Error(errorOf(request)));
    request.onabort = () => reject(new DOMException("removed", "AbortError"));
    const form = new FormData();
    form.append("channel", channel);
    form.append("file", file);
    request.send(form);
  });
  return { done, abort: () => request.abort() };
}

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes("Files");

export function useReplyAttachments(conversationId: string, channel: ReplyChannel) {
  const [items, setItems] = useState<ReplyAttachment[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const aborts = useRef(new Map<string, () => void>());
  // Uploads still running when the composer goes (another conversation) are stopped.
  useEffect(() => {
    const running = aborts.current;
    return () => {
      for (const abort of running.values()) abort();
    };
  }, []);

  const update = (id: string, change: Partial<ReplyAttachment>) =>
    setItems((current) => current.map((item) => (item.id === id ? { ...item, ...change } : item)));

  const add = (files: Iterable<File>) => {
    let room = MAX_ATTACHMENTS - items.length;
    let problem: string | null = null;
    const accepted: Array<{ file: File; item: ReplyAttachment }> = [];
    for (const file of files) {
      const check = checkAttachment(channel, file);
      if (!check.ok) problem = check.error;
      else if (room <= 0) problem = `At most ${MAX_ATTACHMENTS} files can go with one reply`;
      else {
        room -= 1;
        const item: ReplyAttachment = {
          id: crypto.randomUUID(),
          name: file.name,
          size: file.size,
          type: check.contentType,
          state: "uploading",
          progress: 0,
          url: null,
        };
        accepted.push({ file, item });
      }
    }
    setError(problem);
    if (accepted.length === 0) return;
    setItems((current) => [...current, ...accepted.map(({ item }) => item)]);
    for (const { file, item } of accepted) {
      const running = upload(conversationId, channel, file, (progress) => update(item.id, { progress }));
      aborts.current.set(item.id, running.abort);
      running.done
        .then(({ url }) => update(item.id, { state: "uploaded", progress: 1, url }))
        .catch((failure: Error) => {
          setItems((current) => current.filter((other) => other.id !== item.id));
          if (failure.name !== "AbortError") setError(failure.message);
        })
        .finally(() => aborts.current.delete(item.id));
    }
  };

  const remove = (id: string) => {
    aborts.current.get(id)?.();
    setItems((current) => current.filter((item) => item.id !== id));
    setError(null);
  };

  // A file checked for one channel may not suit the one now chosen: say so, and hold Send.
  const misfit = items.map((item) => checkAttachment(channel, item)).find((check) => !check.ok);

  return {
    items,
    /** What to show in the composer's alert: a refusal, or a file the chosen channel can't take. */
    error: error ?? (misfit && !misfit.ok ? misfit.error : null),
    /** Send waits while a file is uploading, and refuses while one doesn't suit the channel. */
    blocking: items.some((item) => item.state === "uploading") || Boolean(misfit),
    urls: items.flatMap((item) => (item.url ? [item.url] : [])),
    dragging,
    add,
    remove,
    clear: () => {
      setItems([]);
      setError(null);
    },
    /** Files pasted into the text box (a screenshot) are attached; text pastes as ever. */
    onPaste: (event: ClipboardEvent) => {
      if (event.clipboardData.files.length === 0) return;
      event.preventDefault();
      add(event.clipboardData.files);
    },
    /** Files dropped anywhere on the composer. */
    dropZone: {
      onDragOver: (event: DragEvent) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(true);
      },
      onDragLeave: (event: DragEvent) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      },
      onDrop: (event: DragEvent) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setDragging(false);
        add(event.dataTransfer.files);
      },
    },
  };
}

export type ReplyAttachments = ReturnType<typeof useReplyAttachments>;
