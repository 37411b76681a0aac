"use client";

import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { Button, type ButtonProps } from "./button";
import { cn } from "./cn";

export interface MenuItem {
  key: string;
  label: string;
  /** Shown after the label, muted (a wake time, an email). */
  hint?: string;
  checked?: boolean;
  /** A checked item is one of a radio group (one choice) unless this says checkbox (several: labels). */
  checkable?: "radio" | "checkbox";
  /** Drawn before the label (a label's colour). */
  icon?: ReactNode;
  onSelect: () => void;
}

/**
 * A button that opens a menu of actions (the WAI-ARIA menu button): arrows move, a letter jumps
 * to the next item starting with it, Enter picks, Esc or Tab closes and focus returns to the
 * button. `footer` holds anything that is not an item (a custom date and time). Opened from the
 * keyboard shortcut by clicking the button, so there is one way in.
 */
export function MenuButton({
  id,
  label,
  icon,
  items,
  footer,
  buttonProps,
}: {
  id?: string;
  label: string;
  icon?: ReactNode;
  items: MenuItem[];
  footer?: (close: () => void) => ReactNode;
  buttonProps?: Omit<ButtonProps, "onClick" | "id">;
}) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const itemsRef = useRef<Array<HTMLButtonElement | null>>([]);
  // Type-ahead: letters typed in quick succession find the item starting with all of them ("bil" → Billing).
  const typed = useRef({ text: "", at: 0 });
  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) requestAnimationFrame(() => buttonRef.current?.focus());
  };

  useEffect(() => {
    if (!open) return;
    // The checked item (who has it now), else the first.
    requestAnimationFrame(() => {
      const items = itemsRef.current.filter(Boolean);
      (items.find((item) => item?.getAttribute("aria-checked") === "true") ?? items[0])?.focus();
    });
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const onMenuKey = (event: KeyboardEvent) => {
    const elements = itemsRef.current.filter((item): item is HTMLButtonElement => Boolean(item));
    const index = elements.indexOf(document.activeElement as HTMLButtonElement);
    const focus = (next: number) => elements[(next + elements.length) % elements.length]?.focus();
    // Keys typed into the footer's fields stay theirs (Esc still closes).
    const inField = (event.target as HTMLElement).tagName === "INPUT";
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    }
    if (inField) return;
    if (event.key === "Tab") {
      if (index >= 0) close(false);
      return;
    }
    // The menu's own keys: the inbox's (arrows move through the list) must not act behind it.
    if (["ArrowDown", "ArrowUp", "Home", "End"].includes(event.key)) {
      event.preventDefault();
      event.stopPropagation();
    }
    if (event.key === "ArrowDown") {
      focus(index + 1);
    } else if (event.key === "ArrowUp") {
      focus(index - 1);
    } else if (event.key === "Home" || event.key === "End") {
      focus(event.key === "Home" ? 0 : elements.length - 1);
    } else if (event.key.length === 1 && /\S/.test(event.key)) {
      const now = Date.now();
      const continuing = now - typed.current.at < 700;
      typed.current = { text: (continuing ? typed.current.text : "") + event.key.toLowerCase(), at: now };
      // A new word starts after the current item; more letters of the same word may stay on it.
      const from = continuing ? Math.max(index, 0) : index + 1;
      const order = [...elements.slice(from), ...elements.slice(0, from)];
      order.find((item) => item.textContent?.trim().toLowerCase().startsWith(typed.current.text))?.focus();
      event.stopPropagation();
    }
  };

  return (
    <div ref={rootRef} className="relative">
      <Button
        {...buttonProps}
        ref={buttonRef}
        id={id}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        {icon} <span className="max-sm:sr-only">{label}</span>
      </Button>
      {open && (
        // biome-ignore lint/a11y/noStaticElementInteractions: the wrapper routes the menu's arrow keys; the items are buttons.
        <div
          onKeyDown={onMenuKey}
          className="absolute right-0 z-30 mt-1 w-64 rounded-card border border-border bg-surface-raised p-1 shadow-lg"
        >
          {/* Taller on a touch screen, where each item is 44 px: eight fit without a scroll region. */}
          <div
            role="menu"
            id={menuId}
            aria-label={label}
            className="max-h-72 overflow-y-auto pointer-coarse:max-h-[22.5rem]"
          >
            {items.map((item, index) => (
              <button
                key={item.key}
                ref={(element) => {
                  itemsRef.current[index] = element;
                }}
                type="button"
                {...(item.checked === undefined
                  ? { role: "menuitem" }
                  : {
                      role: item.checkable === "checkbox" ? "menuitemcheckbox" : "menuitemradio",
                      "aria-checked": item.checked,
                    })}
                tabIndex={-1}
                onClick={() => {
                  close();
                  item.onSelect();
                }}
                className={cn(
                  "flex w-full items-center gap-2 rounded-control px-2 py-1.5 text-left text-sm text-text",
                  "pointer-coarse:min-h-11 hover:bg-surface-hover focus:bg-accent-soft focus:outline-none",
                )}
              >
                {item.icon}
                <span className="truncate">{item.label}</span>
                {item.hint && <span className="ml-auto shrink-0 text-xs text-text-muted">{item.hint}</span>}
                {item.checked && (
                  <span className="ml-auto text-accent" aria-hidden>
                    ✓
                  </span>
                )}
              </button>
            ))}
          </div>
          {footer?.(() => close())}
        </div>
      )}
    </div>
  );
}
