"use client";

import { Bold, Italic, Link2, List } from "lucide-react";
import type { KeyboardEvent, RefObject } from "react";
import { IconButton } from "@/components/ui/icon-button";
import { applyFormat, type Format } from "@/lib/replies/format-markdown";

// Email's basic formatting, written as Markdown in the Reply box (the server makes the HTML:
// lib/replies/email-html.ts): each button wraps or prefixes the selection
// (lib/replies/format-markdown.ts), so what is typed and what the buttons write are the same
// thing, and the plain-text part reads naturally.

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
