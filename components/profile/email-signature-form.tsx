"use client";

import { type FormEvent, useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { controlVariants } from "@/components/ui/control";
import { cn } from "@/components/ui/cn";
import { Notice } from "@/components/ui/notice";
import { EMAIL_SIGNATURE_MAX_CHARACTERS } from "@/lib/profile/validations";
import { useProfile, useSaveProfile } from "./profile-api";

/**
 * The person's email signature: added under every email reply they send, after a "-- " line
 * (never under SMS or other channels). Empty: no signature.
 */
export function EmailSignatureForm() {
  const profile = useProfile();
  const save = useSaveProfile();
  const [value, setValue] = useState<string | null>(null);
  const fieldId = useId();
  const stored = profile.data?.emailSignature ?? "";
  // What the person is editing; until they type, what is stored.
  const shown = value ?? stored;
  useEffect(() => {
    if (save.isSuccess) setValue(null);
  }, [save.isSuccess]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ emailSignature: shown });
  };
  return (
    <form onSubmit={submit} className="grid gap-2" aria-label="Your email signature">
      <label htmlFor={fieldId} className="text-xs text-text-muted">
        Email signature
      </label>
      <textarea
        id={fieldId}
        rows={4}
        value={shown}
        maxLength={EMAIL_SIGNATURE_MAX_CHARACTERS}
        disabled={profile.isPending}
        placeholder={"Ana Ruiz\nFront desk · Sunset Dental"}
        onChange={(event) => setValue(event.target.value)}
        className={cn(controlVariants(), "resize-y")}
        aria-describedby={`${fieldId}-hint`}
      />
      <p id={`${fieldId}-hint`} className="text-xs text-text-muted">
        Added under your email replies after a “-- ” line. Not added to SMS, WhatsApp or other channels.
      </p>
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" disabled={save.isPending || profile.isPending}>
          Save signature
        </Button>
        {save.isSuccess && value === null ? <span className="text-xs text-text-muted">Saved</span> : null}
        {save.isError ? <Notice tone="danger">{save.error.message}</Notice> : null}
      </div>
    </form>
  );
}
