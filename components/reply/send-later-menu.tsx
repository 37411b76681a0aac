"use client";

import { CalendarClock } from "lucide-react";
import { browserTimeZone } from "@/components/reports/use-report-state";
import { MenuButton } from "@/components/ui/menu";
import { MenuDateTimeField } from "@/components/ui/menu-date-time-field";
import { formatSendTime, fromZonedInput, sendAtProblem, sendLaterPresets } from "@/lib/replies/send-later";

// Send later (the "Schedule" menu): tomorrow or Monday at 8:00, or a date and time, in the account's time zone.
// Threadline keeps no zone per account: like the reports and Snooze, the account's clock is the
// browser's (an IANA zone, named under the field so nobody has to guess).

export function SendLaterMenu({ disabled, onSchedule }: { disabled: boolean; onSchedule: (at: Date) => void }) {
  const timeZone = browserTimeZone();
  const now = new Date();
  const items = sendLaterPresets(now, timeZone).map((preset) => ({
    key: preset.key,
    label: preset.label,
    hint: formatSendTime(preset.at, timeZone, now),
    onSelect: () => onSchedule(preset.at),
  }));
  return (
    // Named "Schedule", not "Send later": the Send button's accessible name is exactly "Send", and a
    // second button whose name contains it would make that name ambiguous to assistive tech and tests.
    <MenuButton
      label="Schedule"
      icon={<CalendarClock className="size-4" aria-hidden />}
      items={items}
      footer={(close) => (
        <MenuDateTimeField
          label="At a date and time"
          submitLabel="Schedule"
          hint={`Times in ${timeZone}`}
          read={(value) => {
            const at = fromZonedInput(value, timeZone);
            if (!at) return { problem: "Pick a date and time to send it." };
            const problem = sendAtProblem(at);
            return problem ? { problem } : { at };
          }}
          onPick={onSchedule}
          close={close}
        />
      )}
      buttonProps={{ variant: "secondary", disabled, title: "Send later: HighLevel sends it at the time you pick" }}
    />
  );
}
