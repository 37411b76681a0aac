"use client";

import { Lock } from "lucide-react";
import { type FormEvent, useId, useRef, useState } from "react";
import type { Member } from "@/components/inbox-data/api-types";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { controlVariants } from "@/components/ui/control";
import { NOTE_MAX_CHARACTERS } from "@/lib/team/validations";
import { insertMention, matchingMembers, mentionedIds, mentionQuery } from "./mention-picker";
import { useAddNote } from "./note-api";

/** The Note box's element id (`n` switches the composer to it). */
export const NOTE_TEXTBOX_ID = "note-text";

/**
 * An internal note: for colleagues only, never sent to the customer. "@" suggests the account's
 * members (arrows, Enter or Tab picks, Esc closes); a mentioned person finds it in Mentions.
 */
export function NoteComposer({
  conversationId,
  members,
  author,
}: {
  conversationId: string;
  members: Member[];
  author: string;
}) {
  const [text, setText] = useState("");
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const picked = useRef(new Map<string, string>());
  const textRef = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const add = useAddNote(conversationId, author);
  const at = mentionQuery(text, caret);
  const suggestions = at && dismissedAt !== at.start ? matchingMembers(members, at.query) : [];
  const open = suggestions.length > 0;
  const empty = text.trim() === "";

  const pick = (member: Member) => {
    if (!at) return;
    const next = insertMention(text, at, caret, member);
    picked.current.set(member.id, member.name);
    setText(next.text);
    setCaret(next.caret);
    requestAnimationFrame(() => textRef.current?.setSelectionRange(next.caret, next.caret));
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (empty || add.isPending) return;
    const input = { text, mentions: mentionedIds(text, picked.current) };
    setText("");
    add.mutate(input, {
      onSuccess: () => picked.current.clear(),
      onError: () => setText(input.text),
    });
  };

  return (
    <form onSubmit={submit} className="relative" aria-label="Internal note">
      {open && (
        <div
          id={listId}
          role="listbox"
          aria-label="Mention someone"
          className="absolute bottom-full left-0 z-20 mb-1 w-64 rounded-card border border-border bg-surface-raised p-1 shadow-lg"
        >
          {suggestions.map((member, index) => (
            <div
              key={member.id}
              tabIndex={-1}
              id={`${listId}-${member.id}`}
              role="option"
              aria-selected={index === active % suggestions.length}
              onPointerDown={(event) => {
                event.preventDefault();
                pick(member);
              }}
              className={cn(
                "cursor-pointer rounded-control px-2 py-1 text-sm text-text",
                index === active % suggestions.length && "bg-accent-soft",
              )}
            >
              {member.name} <span className="text-xs text-text-muted">{member.email}</span>
            </div>
          ))}
        </div>
      )}
      <div className="flex items-end gap-2">
        <textarea
          ref={textRef}
          id={NOTE_TEXTBOX_ID}
          aria-label="Note"
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? `${listId}-${suggestions[active % suggestions.length]!.id}` : undefined}
          rows={2}
          maxLength={NOTE_MAX_CHARACTERS}
          value={text}
          placeholder="Note for your team (@ mentions; the customer never sees it)"
          onChange={(event) => {
            setText(event.target.value);
            setCaret(event.target.selectionStart);
            setActive(0);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={(event) => {
            if (open && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
              event.preventDefault();
              setActive((index) => index + (event.key === "ArrowDown" ? 1 : suggestions.length - 1));
            } else if (open && (event.key === "Enter" || event.key === "Tab") && !event.ctrlKey && !event.metaKey) {
              event.preventDefault();
              pick(suggestions[active % suggestions.length]!);
            } else if (open && event.key === "Escape") {
              // Closes the suggestions only; a second Esc leaves the box (the inbox's Esc).
              event.preventDefault();
              event.stopPropagation();
              setDismissedAt(at?.start ?? null);
            } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              submit();
            }
          }}
          className={cn(controlVariants(), "max-h-48 min-h-[2.75rem] flex-1 resize-y border-warning-border")}
        />
        <Button type="submit" disabled={empty} aria-keyshortcuts="Control+Enter">
          <Lock className="size-4" aria-hidden /> Add note
        </Button>
      </div>
      {add.isError && (
        <p role="alert" className="mt-1 text-xs text-danger">
          {add.error.message}
        </p>
      )}
    </form>
  );
}
