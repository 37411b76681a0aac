"use client";

import { useId, useState } from "react";
import { Button } from "./button";
import { Input } from "./input";

/**
 * The "a date and time" row at the foot of a time menu (Snooze, Schedule): a datetime-local field
 * and a button; Enter picks too. `read` turns the field's value into a time or says what is wrong
 * with it, so each menu keeps its own rules (time zone, how far ahead) and its own words.
 */
export function MenuDateTimeField({
  label,
  submitLabel,
  hint,
  read,
  onPick,
  close,
}: {
  label: string;
  submitLabel: string;
  hint?: string;
  read: (value: string) => { at: Date } | { problem: string };
  onPick: (at: Date) => void;
  close: () => void;
}) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const submit = () => {
    const result = read(value);
    if ("problem" in result) return setError(result.problem);
    close();
    onPick(result.at);
  };
  return (
    <div className="mt-1 border-t border-border pt-2">
      <label htmlFor={inputId} className="px-2 text-xs text-text-muted">
        {label}
      </label>
      <div className="flex gap-1 p-1">
        <Input
          id={inputId}
          type="datetime-local"
          controlSize="sm"
          value={value}
          aria-describedby={hint ? hintId : undefined}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              // Inside a form (the composer) Enter would submit it: this field's Enter picks the time.
              event.preventDefault();
              submit();
            }
          }}
          className="min-w-0 flex-1"
        />
        <Button size="sm" type="button" onClick={submit}>
          {submitLabel}
        </Button>
      </div>
      {hint && (
        <p id={hintId} className="px-2 text-[11px] text-text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p role="alert" className="px-2 text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
