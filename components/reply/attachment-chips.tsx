"use client";

import { Check, FileText, Paperclip, X } from "lucide-react";
import { useRef } from "react";
import { IconButton } from "@/components/ui/icon-button";
import { ATTACHMENT_RULES, formatFileSize } from "@/lib/replies/attachment-limits";
import type { ReplyChannel } from "@/lib/vocabulary";
import type { ReplyAttachments } from "./use-attachments";

// The composer's files: the "Attach files" button (a hidden file input, several at once), a chip
// per file (name, size, its upload's progress or "Uploaded", Remove), and the refusal, if any.

export function AttachFilesButton({ attachments, channel }: { attachments: ReplyAttachments; channel: ReplyChannel }) {
  const input = useRef<HTMLInputElement>(null);
  // The picker offers what this channel takes; a paste or a drop is checked the same way.
  const accept = ATTACHMENT_RULES[channel].flatMap((rule) => rule.types).join(",");
  return (
    <>
      <IconButton label="Attach files" variant="secondary" onClick={() => input.current?.click()}>
        <Paperclip className="size-4" aria-hidden />
      </IconButton>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept={accept || undefined}
        data-testid="attach-files-input"
        onChange={(event) => {
          if (event.target.files) attachments.add(event.target.files);
          // The same file can be picked again after it was removed.
          event.target.value = "";
        }}
      />
    </>
  );
}

export function AttachmentChips({ attachments }: { attachments: ReplyAttachments }) {
  const { items, error } = attachments;
  if (items.length === 0 && !error) return null;
  return (
    <div className="mb-1 flex flex-col gap-1">
      {items.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" aria-label="Attachments">
          {items.map((item) => (
            <li
              key={item.id}
              data-testid="attachment-chip"
              data-state={item.state}
              className="flex max-w-full items-center gap-1.5 rounded-control border border-border bg-surface-sunken py-0.5 pr-0.5 pl-2 text-xs"
            >
              <FileText className="size-3.5 shrink-0 text-text-muted" aria-hidden />
              <span className="max-w-48 truncate" title={item.name}>
                {item.name}
              </span>
              <span className="text-text-muted">{formatFileSize(item.size)}</span>
              {item.state === "uploading" ? (
                <progress className="h-1.5 w-12" max={1} value={item.progress} aria-label={`Uploading ${item.name}`} />
              ) : (
                <span className="inline-flex items-center gap-0.5 text-success">
                  <Check className="size-3.5" aria-hidden /> Uploaded
                </span>
              )}
              <IconButton label={`Remove ${item.name}`} size="sm" onClick={() => attachments.remove(item.id)}>
                <X className="size-3.5" aria-hidden />
              </IconButton>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="text-xs text-danger" data-testid="attachment-error">
          {error}
        </p>
      )}
    </div>
  );
}
