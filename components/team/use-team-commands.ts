"use client";

import { useCallback, useMemo } from "react";
import { toast } from "sonner";
import type { Label, Member } from "@/components/inbox-data/api-types";
import { formatWakeTime } from "@/lib/format";
import { useTeamActions } from "./team-api";
import { useUndo } from "./undo";

// Assign, snooze and label as a person does them: at once, with a toast that says what happened and
// offers Undo (and `z`). A refusal says why in a toast; the refetch puts the row back.

const failed = (error: unknown) => toast.error((error as Error).message || "That did not work. Try again.");

export function useTeamCommands(me: { id: string; name: string }, members: Member[]) {
  const actions = useTeamActions();
  const { offer } = useUndo();
  const nameOf = useCallback(
    (id: string | null) => (id ? (members.find((member) => member.id === id) ?? { id, name: "" }) : null),
    [members],
  );

  const assign = useCallback(
    async (id: string, assignee: { id: string; name: string } | null) => {
      try {
        const answer = await actions.assign(id, assignee);
        const message = assignee ? `Assigned to ${assignee.id === me.id ? "you" : assignee.name}` : "Unassigned";
        offer(message, () => actions.assign(id, nameOf(answer.previousAssigneeId)));
      } catch (error) {
        failed(error);
      }
    },
    [actions, offer, me.id, nameOf],
  );

  const snooze = useCallback(
    async (id: string, until: Date) => {
      try {
        const answer = await actions.snooze(id, until.toISOString());
        const previous = answer.previousSnoozedUntil;
        offer(`Snoozed until ${formatWakeTime(until.toISOString())}`, () =>
          previous ? actions.snooze(id, previous) : actions.unsnooze(id),
        );
      } catch (error) {
        failed(error);
      }
    },
    [actions, offer],
  );

  const unsnooze = useCallback(
    async (id: string) => {
      try {
        const answer = await actions.unsnooze(id);
        const previous = answer.previousSnoozedUntil;
        if (previous) offer("Unsnoozed", () => actions.snooze(id, previous));
      } catch (error) {
        failed(error);
      }
    },
    [actions, offer],
  );

  /** Puts a label on (or takes it off) given the conversation's labels now; Undo only if it changed. */
  const toggleLabel = useCallback(
    async (id: string, current: Label[], label: Label, on: boolean) => {
      const next = on
        ? [...current, label].sort((a, b) => a.name.localeCompare(b.name))
        : current.filter((l) => l.id !== label.id);
      try {
        const answer = await actions.setLabel(id, label, on, next);
        if (answer.changed)
          offer(on ? `Label ${label.name} added` : `Label ${label.name} removed`, () =>
            actions.setLabel(id, label, !on, current),
          );
      } catch (error) {
        failed(error);
      }
    },
    [actions, offer],
  );

  return useMemo(
    () => ({ assign, assignToMe: (id: string) => assign(id, me), snooze, unsnooze, toggleLabel }),
    [assign, snooze, unsnooze, toggleLabel, me],
  );
}
