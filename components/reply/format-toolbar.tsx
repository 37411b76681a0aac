"use client";

import { Bold, Italic, Link2, List } from "lucide-react";
import type { KeyboardEvent, RefObject } from "react";
import { IconButton } from "@/components/ui/icon-button";

// Email's basic formatting, written as Markdown in the Reply box (the server makes the HTML:
// lib/replies/email-html.ts): each button wraps or prefixes the selection, so what is typed and
// what the buttons write are the same thing, and the plain-text part reads naturally.

export type Format = "bold" | "italic" | "link" | "list";

interface Edit {
  value: string;
  /** The selection after the edit. */
  start: number;
  end: number;
}

const wrap = (value: string, start: number, end: number, mark: string): Edit => {
  const selected = value.slice(start, end);
  return {
    value: `${value.slice(0, start)}${mark}${selected}${mark}${value.slice(end)}`,
    start: start + mark.length,
    end: end + mark.length,
  };
};

/** The text after one format is applied to the selection [start, end). */
export function applyFormat(value: string, start: number, end: number, format: Format): Edit {
  if (format === "bold") return wrap(value, start, end, "**");
  if (format === "italic") return wrap(value, start, end, "_");
  if (format === "link") {
    // The selection is the link's words; the address is left selected to type or paste over.
    const label = value.slice(start, end) || "link";
    const before = `${value.slice(0, start)}[${label}](`;
    const address = "https://";
    return {
      value: `${before}${address})${value.slice(end)}`,
      start: before.length,
      end: before.length + address.length,
    };
  }
  // A bulleted list: every line the selection touches becomes an item.
  const lineStart = value.lastIndexOf("\n", start - 1) + 1;
  const lines = value.slice(lineStart, end).split("\n");
  const listed = lines.map((line) => (line.startsWith("- ") ? line : `- ${line}`)).join("\n");
  const added = listed.length - (end - lineStart);
  return {
    value: `${value.slice(0, lineStart)}${listed}${value.slice(end)}`,
    start: start === end ? end + added : lineStart,
    end: end + added,
  };
}

const BUTTONS: Array<{ format: Format; label: string; keys?: string; icon: typeof Bold }> = [
  { format: "bold", label: "Bold", keys: "Control+B", icon: Bold },
  { format: "italic", label: "Italic", keys: "Control+I", icon: Italic },
  { format: "link", label: "Link", icon: Link2 },
  { format: "list", label: "Bulleted list", icon: List },
];

function formatIn(box: HTMLTextAreaElement, format: Format, onChange: (text: string) => void) {
  const edit = applyFormat(box.value, box.selectionStart, box.selectionEnd, format);
  onChange(edit.value);
  // After React has written the new value: the selection as the edit left it.
  requestAnimationFrame(() => {
    box.focus();
    box.setSelectionRange(edit.start, edit.end);
  });
}

/** Ctrl/Cmd+B and Ctrl/Cmd+I in the Reply box; true when the key was one of them. */
export function formatShortcut(event: KeyboardEvent<HTMLTextAreaElement>, onChange: (text: string) => void): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return false;
  const key = event.key.toLowerCase();
  const format = key === "b" ? "bold" : key === "i" ? "italic" : null;
  if (!format) return false;
  event.preventDefault();
  formatIn(event.currentTarget, format, onChange);
  return true;
}

export function FormatToolbar({
  textbox,
  onChange,
  disabled,
}: {
  textbox: RefObject<HTMLTextAreaElement | null>;
  onChange: (text: string) => void;
  disabled?: boolean;
}) {
  return (
    <div role="toolbar" aria-label="Formatting" className="flex items-center gap-0.5">
      {BUTTONS.map(({ format, label, keys, icon: Icon }) => (
        <IconButton
          key={format}
          label={label}
          size="sm"
          disabled={disabled}
          aria-keyshortcuts={keys}
          // Keeps the Reply box's focus and selection: the button acts on what is selected there.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            if (textbox.current) formatIn(textbox.current, format, onChange);
          }}
        >
          <Icon className="size-3.5" aria-hidden />
        </IconButton>
      ))}
    </div>
  );
}
