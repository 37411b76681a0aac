"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { callRoute } from "@/components/api/call-route";
import { changeTriageSettingsRoute, triageSettingsRoute } from "@/lib/contracts/settings";
import { Button } from "@/components/ui/button";
import { controlVariants } from "@/components/ui/control";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import type { TriageSettings } from "@/lib/triage/triage-settings";

// An owner's triage settings for one account (docs/triage-rules.md): the closing phrases that
// keep a customer's "Thanks 👍" out of Needs reply, and the callback SLA (when a callback is due
// if nobody promised a time).

const key = (accountId: string) => ["accounts", accountId, "triage-settings"] as const;

function TriageSettingsFields({ accountId, saved }: { accountId: string; saved: TriageSettings }) {
  const queryClient = useQueryClient();
  const [phrases, setPhrases] = useState(saved.closingPhrases);
  const [sla, setSla] = useState(String(saved.callbackSlaMinutes));
  const hintId = useId();
  const save = useMutation({
    mutationFn: () =>
      callRoute(changeTriageSettingsRoute, {
        params: { id: accountId },
        body: { closingPhrases: phrases, callbackSlaMinutes: Number(sla) },
      }),
    onSuccess: (data) => queryClient.setQueryData(key(accountId), data),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} className="grid gap-2" aria-label="Triage rules">
      <label className="grid gap-1 text-xs text-text-muted">
        Closing phrases
        <textarea
          value={phrases}
          onChange={(event) => setPhrases(event.target.value)}
          rows={6}
          aria-describedby={hintId}
          className={cn(controlVariants(), "font-mono text-xs")}
        />
      </label>
      <p id={hintId} className="text-xs text-text-muted">
        One a line. A customer message made only of these (and emoji), with no question and under 40 characters, after
        your reply, does not put the conversation in Needs reply. Empty restores the English and Spanish default list.
      </p>
      <label className="grid gap-1 text-xs text-text-muted">
        Callback due after (minutes)
        <Input
          type="number"
          min={5}
          max={10080}
          value={sla}
          onChange={(event) => setSla(event.target.value)}
          className="w-32"
        />
      </label>
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" disabled={save.isPending}>
          Save triage rules
        </Button>
        {save.isSuccess ? <span className="text-xs text-text-muted">Saved</span> : null}
      </div>
      {save.isError ? <Notice tone="danger">{save.error.message}</Notice> : null}
    </form>
  );
}

export function TriageSettingsForm({ accountId, label }: { accountId: string; label: string }) {
  const settings = useQuery({
    queryKey: key(accountId),
    queryFn: ({ signal }) => callRoute(triageSettingsRoute, { params: { id: accountId } }, { signal }),
  });
  return (
    <section aria-label={`Triage rules for ${label}`} className="grid gap-2">
      <h3 className="text-sm font-semibold">Triage rules</h3>
      {settings.data ? <TriageSettingsFields accountId={accountId} saved={settings.data} /> : null}
      {settings.isError ? <Notice tone="danger">{settings.error.message}</Notice> : null}
    </section>
  );
}
