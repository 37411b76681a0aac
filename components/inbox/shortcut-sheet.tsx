"use client";

import { X } from "lucide-react";
import { useEffect, useRef } from "react";
import { IconButton } from "@/components/ui/icon-button";
import { SHORTCUTS } from "./shortcuts";

/**
 * The "?" sheet: a modal <dialog> (the browser traps focus, Esc closes it and focus returns to
 * where it was), listing every shortcut.
 */
export function ShortcutSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcut-sheet-title"
      onClose={onClose}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-card border border-border bg-surface p-0 text-text shadow-lg backdrop:bg-black/50"
    >
      <div className="p-4">
        <div className="mb-3 flex items-center">
          <h2 id="shortcut-sheet-title" className="text-base font-semibold">
            Keyboard shortcuts
          </h2>
          <IconButton label="Close" size="sm" className="ml-auto" onClick={onClose}>
            <X className="size-4" aria-hidden />
          </IconButton>
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm" data-testid="shortcut-list">
          {SHORTCUTS.map(({ keys, does }) => (
            <div key={does} className="contents">
              <dt className="flex items-start gap-1">
                {keys.map((key) => (
                  <kbd
                    key={key}
                    className="rounded border border-border-strong bg-surface-sunken px-1.5 font-mono text-xs text-text"
                  >
                    {key}
                  </kbd>
                ))}
              </dt>
              <dd className="text-text-muted">{does}</dd>
            </div>
          ))}
        </dl>
      </div>
    </dialog>
  );
}
