import { GO_KEYS } from "@/components/keyboard/go-keys";

// Every inbox shortcut, in the one list the "?" sheet and the header hint show; the handler that
// acts on them is use-keyboard-shortcuts.ts.

export interface Shortcut {
  keys: string[];
  does: string;
}

export const SHORTCUTS: Shortcut[] = [
  { keys: ["j", "↓"], does: "Next conversation (j opens it while a thread is open)" },
  { keys: ["k", "↑"], does: "Previous conversation (k opens it while a thread is open)" },
  { keys: ["Enter"], does: "Open the focused conversation" },
  { keys: ["e"], does: "Mark done (or reopen a done one)" },
  { keys: ["u"], does: "Mark read / unread for me" },
  { keys: ["r"], does: "Reply (Ctrl/⌘+Enter sends, Esc leaves the draft)" },
  { keys: ["n"], does: "Internal note (@ mentions a colleague)" },
  { keys: ["a"], does: "Assign…" },
  { keys: ["i"], does: "Assign to me" },
  { keys: ["s"], does: "Snooze…" },
  { keys: ["l"], does: "Label… (type a name to find it)" },
  { keys: ["x"], does: "Select the focused conversation (for a bulk action)" },
  { keys: ["Shift+j", "Shift+k"], does: "Select this and the next / previous one" },
  { keys: ["Shift+click"], does: "Select every row from the last one selected" },
  { keys: ["e u i a l s"], does: "With a selection: act on all of it (Esc clears it)" },
  { keys: ["z"], does: "Undo the last action (10 s)" },
  ...Object.entries(GO_KEYS).map(([key, target]) => ({ keys: [`g ${key}`], does: `Go to ${target.label}` })),
  { keys: ["g v"], does: "Saved views (Tab moves through them)" },
  { keys: ["/"], does: "Search (↓ reaches the results)" },
  { keys: ["Esc"], does: "Back to the row you were on (close the thread, leave the search)" },
  { keys: ["?"], does: "Show these shortcuts" },
];

/** The header's short reminder (the sheet has the rest). */
export const SHORTCUT_HINT = "j/k move · e done · r reply · n note · a/i assign · s snooze · l label · z undo · ? all";
