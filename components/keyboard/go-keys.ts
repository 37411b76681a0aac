import type { View } from "@/components/inbox-data/api-client";

// The `g` sequences: `g` then one key, within GO_WINDOW_MS, goes to a view of the inbox or to
// Reports. The inbox applies a view in place (its other filters stay); the other pages follow the
// same keys to the inbox's address (go-keys-listener.tsx). Listed in components/inbox/shortcuts.ts.

export type GoTarget = { view: View | null; label: string } | { page: "/reports"; label: string };

/** Long enough for a person's two presses, short enough that a stray `g` is forgotten. */
export const GO_WINDOW_MS = 1_000;

export const GO_KEYS: Readonly<Record<string, GoTarget>> = {
  i: { view: null, label: "the inbox" },
  u: { view: "unread", label: "Unread" },
  d: { view: "done", label: "Done" },
  c: { view: "callbacks", label: "Callbacks" },
  r: { page: "/reports", label: "Reports" },
  m: { view: "mine", label: "Mine" },
  n: { view: "needs-reply", label: "Needs reply" },
  s: { view: "snoozed", label: "Snoozed" },
};

/** The target of the key pressed after `g`, if it has one. */
export function goTarget(key: string): GoTarget | undefined {
  return Object.hasOwn(GO_KEYS, key) ? GO_KEYS[key] : undefined;
}

/** Where a target is, from any page. */
export function goHref(target: GoTarget): string {
  if ("page" in target) return target.page;
  return target.view ? `/?view=${target.view}` : "/";
}

/** Typing into a field: no shortcut acts then (a ticked checkbox or radio has focus, but takes no text). */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  if (element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio")) return false;
  return element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName);
}

/**
 * Follows `g` across key presses (only those outside a field: call `reset` for the others, so a
 * `g` before typing does not combine with a key after it). `next` answers "started" for the `g`,
 * the key that followed it in time, or null for any other key.
 */
export function goSequence() {
  let startedAt = Number.NEGATIVE_INFINITY;
  return {
    next(key: string): "started" | { after: string } | null {
      const after = Date.now() - startedAt < GO_WINDOW_MS;
      startedAt = Number.NEGATIVE_INFINITY;
      if (after && key !== "g") return { after: key };
      if (key !== "g") return null;
      startedAt = Date.now();
      return "started";
    },
    reset() {
      startedAt = Number.NEGATIVE_INFINITY;
    },
  };
}
