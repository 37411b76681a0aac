"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

// Email's Cc and Bcc under the subject: hidden behind a small "Cc/Bcc" toggle until wanted (or
// when the draft already has some). Addresses are typed separated by commas or spaces; the server
// checks each one when the reply is sent and names any that is not an address.

export function CopyFields({
  cc,
  bcc,
  onCc,
  onBcc,
}: {
  cc: string;
  bcc: string;
  onCc: (value: string) => void;
  onBcc: (value: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const shown = open || cc.trim() !== "" || bcc.trim() !== "";
  const copies = [
    { label: "Cc", value: cc, onChange: onCc },
    { label: "Bcc", value: bcc, onChange: onBcc },
  ];
  return (
    <>
      {!shown && (
        <Button variant="link" size="sm" aria-expanded={false} onClick={() => setOpen(true)}>
          Cc/Bcc
        </Button>
      )}
      {shown && (
        <div className="flex w-full flex-wrap items-center gap-2">
          {copies.map(({ label, value, onChange }, index) => (
            <span key={label} className="flex min-w-0 flex-1 basis-48 items-center gap-1">
              <label htmlFor={`${id}-${label}`} className="text-xs text-text-muted">
                {label}
              </label>
              <Input
                id={`${id}-${label}`}
                controlSize="sm"
                inputMode="email"
                autoComplete="off"
                placeholder="a@example.com, b@example.com"
                value={value}
                // Just revealed: straight into Cc.
                autoFocus={index === 0 && open && cc === "" && bcc === ""}
                onChange={(event) => onChange(event.target.value)}
                className="min-w-0 flex-1"
              />
            </span>
          ))}
        </div>
      )}
    </>
  );
}
