"use client";

import { Tag, UserRoundPlus } from "lucide-react";
import { useLabelsInScope } from "@/components/team/label-api";
import { LabelDot } from "@/components/team/label-chip";
import { MenuButton } from "@/components/ui/menu";
import { useMembersInScope } from "./bulk-api";
import { distinctNames } from "@/lib/team/tell-apart";

// Assign and Label for a selection. Whom a selection can be assigned to: people who belong to
// every selected conversation's account (the server checks again); labels: those of the one
// account the selection is in (a label belongs to one account).

export const BULK_ASSIGN_ID = "bulk-assign-menu";
export const BULK_LABEL_ID = "bulk-label-menu";
export const BULK_SNOOZE_ID = "bulk-snooze-menu";

const menuButton = { variant: "secondary", size: "sm" } as const;

export function BulkAssignMenu({
  accountIds,
  meId,
  onAssign,
}: {
  /** The selection's accounts, or null when not known ("all matching" across accounts). */
  accountIds: string[] | null;
  meId: string;
  onAssign: (assignee: { id: string; name: string } | null) => void;
}) {
  const members = useMembersInScope(true).data ?? [];
  const fits = members.filter(
    (member) => member.accountIds === "all" || !accountIds || accountIds.every((id) => member.accountIds.includes(id)),
  );
  const me = fits.find((member) => member.id === meId);
  const names = distinctNames(fits);
  const items = [
    ...(me ? [{ key: me.id, label: `${names.get(me.id)} (me)`, hint: "i", onSelect: () => onAssign(me) }] : []),
    ...fits
      .filter((member) => member.id !== meId)
      .map((member) => ({
        key: member.id,
        label: names.get(member.id) ?? member.name,
        onSelect: () => onAssign(member),
      })),
    { key: "unassign", label: "Unassign", onSelect: () => onAssign(null) },
  ];
  return (
    <MenuButton
      id={BULK_ASSIGN_ID}
      label="Assign"
      icon={<UserRoundPlus className="size-3.5" aria-hidden />}
      items={items}
      buttonProps={{ ...menuButton, "aria-keyshortcuts": "A", title: "Assign the selection (a) · to me (i)" }}
    />
  );
}

export function BulkLabelMenu({
  accountIds,
  allHave,
  onLabel,
}: {
  accountIds: string[] | null;
  /** Labels every selected conversation already has: choosing one takes it off. */
  allHave: (labelId: string) => boolean;
  onLabel: (label: { id: string; name: string }, on: boolean) => void;
}) {
  const labels = useLabelsInScope().data ?? [];
  const oneAccount = accountIds?.length === 1 ? accountIds[0] : null;
  const offered = oneAccount ? labels.filter((label) => label.accountId === oneAccount) : [];
  return (
    <MenuButton
      id={BULK_LABEL_ID}
      label="Label"
      icon={<Tag className="size-3.5" aria-hidden />}
      items={offered.map((label) => ({
        key: label.id,
        label: label.name,
        icon: <LabelDot color={label.color} />,
        checked: allHave(label.id),
        checkable: "checkbox" as const,
        onSelect: () => onLabel(label, !allHave(label.id)),
      }))}
      footer={() =>
        offered.length > 0 ? null : (
          <p className="max-w-56 px-2 py-1.5 text-xs text-text-muted">
            {oneAccount
              ? "No labels yet: an owner adds them in Settings."
              : "A label belongs to one account: select conversations of one account (or pick it in the filters)."}
          </p>
        )
      }
      buttonProps={{ ...menuButton, "aria-keyshortcuts": "L", title: "Label the selection (l)" }}
    />
  );
}
