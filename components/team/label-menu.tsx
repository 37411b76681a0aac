"use client";

import { Tag } from "lucide-react";
import type { ConversationSummary, Label } from "@/components/inbox-data/api-types";
import { MenuButton } from "@/components/ui/menu";
import { LabelDot } from "./label-chip";

/** The Label button's id: `l` opens it from anywhere in the inbox. */
export const LABEL_BUTTON_ID = "label-menu";

/** "Label" (l): the account's labels, each on or off; typing a name's first letters finds it. */
export function LabelMenu({
  conversation,
  labels,
  onToggle,
}: {
  conversation: ConversationSummary;
  labels: Label[];
  onToggle: (label: Label, on: boolean) => void;
}) {
  const applied = new Set(conversation.labels.map((label) => label.id));
  return (
    <MenuButton
      id={LABEL_BUTTON_ID}
      label="Label"
      icon={<Tag className="size-3.5" aria-hidden />}
      items={labels.map((label) => ({
        key: label.id,
        label: label.name,
        icon: <LabelDot color={label.color} />,
        checked: applied.has(label.id),
        checkable: "checkbox" as const,
        onSelect: () => onToggle(label, !applied.has(label.id)),
      }))}
      footer={() =>
        labels.length === 0 ? (
          <p className="px-2 py-1.5 text-xs text-text-muted">No labels yet: an owner adds them in Settings.</p>
        ) : null
      }
      buttonProps={{ variant: "secondary", size: "sm", "aria-keyshortcuts": "L", title: "Label (l)" }}
    />
  );
}
