"use client";

import { CalendarClock } from "lucide-react";
import { useId, useState } from "react";
import { browserTimeZone } from "@/components/reports/use-report-state";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { MenuButton } from "@/components/ui/menu";
import { formatSendTime, fromZonedInput, sendAtProblem, sendLaterPresets } from "@/lib/replies/send-later";

// Send later (the "Schedule" menu): tomorrow or Monday at 8:00, or a date and time, in the account's time zone.
// Threadline keeps no zone per account: like the reports and Snooze, the account's clock is the
// browser's (an IANA zone, named under the field so nobody has to guess).

function CustomTime({
  timeZone,
  onSchedule,
  close,
}: {
  timeZone: string;
  onSchedule: (at: Date) => void;
  close: () => void;
}) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const submit = () => {
    const at = fromZonedInput(value, timeZone);
    const problem = at ? sendAtProblem(at) : "Pick a date and time to send it.";
    if (problem || !at) return setError(problem);
    close();
    onSchedule(at);
  };
  return (
    <div className="mt-1 border-t border-border pt-2">
      <label htmlFor={inputId} className="px-2 text-xs text-text-muted">
        At a date and time
      </label>
      <div className="flex gap-1 p-1">
        <Input
          id={inputId}
          type="datetime-local"
          controlSize="sm"
          value={value}
          aria-describedby={hintId}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              submit();
            }
          }}
          className="min-w-0 flex-1"
        />
        <Button size="sm" type="button" onClick={submit}>
          Schedule
        </Button>
      </div>
      <p id={hintId} className="px-2 text-[11px] text-text-muted">
        Times in {timeZone}
      </p>
      {error && (
        <p role="alert" className="px-2 text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

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
      footer={(close) => <CustomTime timeZone={timeZone} onSchedule={onSchedule} close={close} />}
      buttonProps={{ variant: "secondary", disabled, title: "Send later: HighLevel sends it at the time you pick" }}
    />
  );
}
