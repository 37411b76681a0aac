"use client";

import { AlarmClock } from "lucide-react";
import type { ConversationSummary } from "@/components/inbox-data/api-types";
import { MenuButton } from "@/components/ui/menu";
import { MenuDateTimeField } from "@/components/ui/menu-date-time-field";
import { formatWakeTime } from "@/lib/format";
import { fromLocalInput, snoozePresets } from "./snooze-presets";

/** The Snooze button's id: `s` opens it from anywhere in the inbox. */
export const SNOOZE_BUTTON_ID = "snooze-menu";

/** "Snooze" (s): later today, tomorrow 9:00, next Monday 9:00, or a date and time; Unsnooze when snoozed. */
export function SnoozeMenu({
  conversation,
  onSnooze,
  onUnsnooze,
  buttonId = SNOOZE_BUTTON_ID,
}: {
  /** The one conversation it snoozes (its running snooze offers Unsnooze); none for a selection. */
  conversation?: Pick<ConversationSummary, "snoozedUntil">;
  onSnooze: (until: Date) => void;
  onUnsnooze?: () => void;
  buttonId?: string;
}) {
  const items = snoozePresets().map((preset) => ({
    key: preset.key,
    label: preset.label,
    hint: formatWakeTime(preset.until.toISOString()),
    onSelect: () => onSnooze(preset.until),
  }));
  if (conversation?.snoozedUntil && onUnsnooze)
    items.push({
      key: "unsnooze",
      label: "Unsnooze",
      hint: `was ${formatWakeTime(conversation.snoozedUntil)}`,
      onSelect: onUnsnooze,
    });
  return (
    <MenuButton
      id={buttonId}
      label="Snooze"
      icon={<AlarmClock className="size-3.5" aria-hidden />}
      items={items}
      footer={(close) => (
        <MenuDateTimeField
          label="Until a date and time"
          submitLabel="Set"
          read={(value) => {
            const until = fromLocalInput(value);
            if (!until) return { problem: "Pick a date and time." };
            if (until.getTime() <= Date.now()) return { problem: "Pick a time in the future." };
            return { at: until };
          }}
          onPick={onSnooze}
          close={close}
        />
      )}
      buttonProps={{ variant: "secondary", size: "sm", "aria-keyshortcuts": "S", title: "Snooze (s)" }}
    />
  );
}
