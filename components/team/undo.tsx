"use client";

import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef } from "react";
import { toast, Toaster } from "sonner";

// Undo for every triage action, the way Front and Linear do it: the action happens at once and a
// toast offers "Undo" for 10 s; `z` undoes the last one while its toast is up. What Undo puts
// back is what the server answered the action with (who had it, the snooze it replaced), so it
// restores exactly the state before, whatever a colleague changed on another field meanwhile.

export const UNDO_WINDOW_MS = 10_000;

interface UndoState {
  /** Says what was done and offers Undo; `undo` puts the previous state back. */
  offer: (message: string, undo: () => Promise<unknown>) => void;
  /** `z`: undoes the last action still on offer. False when there is none. */
  undoLast: () => boolean;
}

const UndoContext = createContext<UndoState | null>(null);

export function UndoProvider({ children }: { children: ReactNode }) {
  const last = useRef<{ undo: () => Promise<unknown>; until: number; toastId: string | number } | null>(null);

  const run = useCallback((entry: NonNullable<typeof last.current>) => {
    if (last.current === entry) last.current = null;
    toast.dismiss(entry.toastId);
    entry.undo().then(
      () => toast("Undone", { duration: 3_000 }),
      (error: Error) => toast.error(`Could not undo: ${error.message}`),
    );
  }, []);

  const offer = useCallback(
    (message: string, undo: () => Promise<unknown>) => {
      const entry = { undo, until: Date.now() + UNDO_WINDOW_MS, toastId: 0 as string | number };
      entry.toastId = toast(message, {
        duration: UNDO_WINDOW_MS,
        action: { label: "Undo", onClick: () => run(entry) },
      });
      last.current = entry;
    },
    [run],
  );

  const undoLast = useCallback(() => {
    const entry = last.current;
    if (!entry || Date.now() > entry.until) {
      // Said, not silent: a `z` after the toast went (or with nothing done) should not look ignored.
      toast("Nothing to undo", { duration: 2_000 });
      return false;
    }
    run(entry);
    return true;
  }, [run]);

  const value = useMemo(() => ({ offer, undoLast }), [offer, undoLast]);
  return (
    <UndoContext.Provider value={value}>
      {children}
      <Toaster
        position="bottom-center"
        toastOptions={{
          classNames: {
            toast: "!bg-surface-raised !text-text !border-border-strong !rounded-card",
            actionButton: "!bg-accent !text-accent-contrast !font-semibold",
          },
        }}
      />
    </UndoContext.Provider>
  );
}

export function useUndo(): UndoState {
  const state = useContext(UndoContext);
  if (!state) throw new Error("useUndo needs an UndoProvider above it");
  return state;
}
