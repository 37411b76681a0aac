"use client";

import { UserRoundPlus } from "lucide-react";
import type { ConversationSummary, Member } from "@/components/inbox-data/api-types";
import { MenuButton } from "@/components/ui/menu";
import { distinctNames } from "@/lib/team/tell-apart";

/** The Assign button's id: `a` opens it from anywhere in the inbox. */
export const ASSIGN_BUTTON_ID = "assign-menu";

/** "Assign" (a): a member of the conversation's account, or Unassign. */
export function AssignMenu({
  conversation,
  members,
  meId,
  onAssign,
}: {
  conversation: ConversationSummary;
  members: Member[];
  meId: string;
  onAssign: (assignee: Member | null) => void;
}) {
  const current = conversation.assignee?.id ?? null;
  // Two people of one name are offered with their emails: never two identical choices.
  const names = distinctNames(members);
  const me = members.find((member) => member.id === meId);
  const others = members.filter((member) => member.id !== meId);
  const items = [
    ...(me
      ? [
          {
            key: me.id,
            label: `${names.get(me.id)} (me)`,
            hint: "i",
            checked: current === me.id,
            onSelect: () => onAssign(me),
          },
        ]
      : []),
    ...others.map((member) => ({
      key: member.id,
      label: names.get(member.id) ?? member.name,
      checked: current === member.id,
      onSelect: () => onAssign(member),
    })),
    { key: "unassign", label: "Unassign", checked: current === null, onSelect: () => onAssign(null) },
  ];
  return (
    <MenuButton
      id={ASSIGN_BUTTON_ID}
      label="Assign"
      icon={<UserRoundPlus className="size-3.5" aria-hidden />}
      items={items}
      buttonProps={{
        variant: "secondary",
        size: "sm",
        "aria-keyshortcuts": "A",
        title: "Assign (a) · assign to me (i)",
      }}
    />
  );
}
