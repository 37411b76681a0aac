"use client";

import { AlarmClock } from "lucide-react";
import { useId, useState } from "react";
import type { ConversationSummary } from "@/components/inbox-data/api-types";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { MenuButton } from "@/components/ui/menu";
import { formatWakeTime } from "@/lib/format";
import { fromLocalInput, snoozePresets } from "./snooze-presets";

/** The Snooze button's id: `s` opens it from anywhere in the inbox. */
export const SNOOZE_BUTTON_ID = "snooze-menu";

function CustomTime({ onSnooze, close }: { onSnooze: (until: Date) => void; close: () => void }) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const submit = () => {
    const until = fromLocalInput(value);
    if (!until) return setError("Pick a date and time.");
    if (until.getTime() <= Date.now()) return setError("Pick a time in the future.");
    close();
    onSnooze(until);
  };
  return (
    <div className="mt-1 border-t border-border pt-2">
      <label htmlFor={inputId} className="px-2 text-xs text-text-muted">
        Until a date and time
      </label>
      <div className="flex gap-1 p-1">
        <Input
          id={inputId}
          type="datetime-local"
          controlSize="sm"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") submit();
          }}
          className="min-w-0 flex-1"
        />
        <Button size="sm" onClick={submit}>
          Set
        </Button>
      </div>
      {error && (
        <p role="alert" className="px-2 text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

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
      footer={(close) => <CustomTime onSnooze={onSnooze} close={close} />}
      buttonProps={{ variant: "secondary", size: "sm", "aria-keyshortcuts": "S", title: "Snooze (s)" }}
    />
  );
}
