// Every inbox shortcut, in the one list the "?" sheet and the header hint show; the handler that
// acts on them is use-keyboard-shortcuts.ts.

export interface Shortcut {
  keys: string[];
  does: string;
}

export const SHORTCUTS: Shortcut[] = [
  { keys: ["j", "↓"], does: "Next conversation" },
  { keys: ["k", "↑"], does: "Previous conversation" },
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
  { keys: ["g i"], does: "Go to All" },
  { keys: ["g m"], does: "Go to Mine" },
  { keys: ["g r"], does: "Go to Needs reply" },
  { keys: ["g c"], does: "Go to Callbacks" },
  { keys: ["g s"], does: "Go to Snoozed" },
  { keys: ["g v"], does: "Saved views (Tab moves through them)" },
  { keys: ["/"], does: "Search" },
  { keys: ["Esc"], does: "Back (close the thread, leave the search)" },
  { keys: ["?"], does: "Show these shortcuts" },
];

/** The header's short reminder (the sheet has the rest). */
export const SHORTCUT_HINT = "j/k move · e done · r reply · n note · a/i assign · s snooze · l label · z undo · ? all";
