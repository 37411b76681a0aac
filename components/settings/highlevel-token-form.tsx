"use client";

import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { LoadError } from "@/components/ui/query-state";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { HighLevelTokenStatus } from "@/lib/access/credentials/highlevel-token";
import { useChangeHighLevelToken, useHighLevelToken } from "./queries";

const when = (iso: string) => new Date(iso).toLocaleString();

function StatusLine({ status }: { status: HighLevelTokenStatus }) {
  if (!status.set) {
    return (
      <p className="text-xs text-text-muted">
        No token: pipelines and stages show only the names HighLevel&apos;s webhooks carry.
      </p>
    );
  }
  return (
    <div className="grid gap-1 text-xs" data-testid="highlevel-token-status">
      <p className="text-text-muted">
        A token is stored{status.setAt ? ` (set ${when(status.setAt)})` : ""} ·{" "}
        {status.succeededAt
          ? `pipeline names fetched ${when(status.succeededAt)}`
          : status.lastError
            ? "not working yet"
            : "fetching pipeline names…"}
      </p>
      {status.lastError ? (
        <Notice tone="danger" role="alert" className="text-xs">
          Last try {status.attemptedAt ? when(status.attemptedAt) : ""}: {status.lastError}
        </Notice>
      ) : null}
    </div>
  );
}

/** An owner's HighLevel API token for a location: stored sealed, never shown again; used for pipeline names. */
export function HighLevelTokenForm({ accountId, label }: { accountId: string; label: string }) {
  const status = useHighLevelToken(accountId);
  const change = useChangeHighLevelToken(accountId);
  const hydrated = useHydrated();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    change.mutate(String(new FormData(form).get("token") ?? ""), { onSuccess: () => form.reset() });
  }

  return (
    <div className="mt-4 flex flex-col gap-2 text-sm">
      <form onSubmit={submit} className="flex flex-col gap-2" aria-label={`HighLevel API token for ${label}`}>
        <h3 className="font-medium">HighLevel API token</h3>
        <p className="text-xs text-text-muted">
          A Private Integration Token (scope opportunities.readonly) or OAuth access token of this location. Threadline
          uses it to fetch pipeline and stage names.
        </p>
        <div className="flex flex-wrap gap-2">
          <Input
            name="token"
            type="password"
            autoComplete="off"
            required
            placeholder={status.data?.set ? "Paste a new token to replace it" : "Paste the token"}
            aria-label="HighLevel API token"
            className="w-80 py-1"
          />
          <Button type="submit" size="sm" disabled={!hydrated || change.isPending}>
            Save token
          </Button>
          {status.data?.set ? (
            <Button
              variant="secondary"
              size="sm"
              disabled={!hydrated || change.isPending}
              onClick={() => change.mutate(null)}
            >
              Remove token
            </Button>
          ) : null}
        </div>
      </form>
      {change.isError ? (
        <p role="alert" className="text-danger">
          {change.error.message}
        </p>
      ) : null}
      {status.isError ? (
        <LoadError what="the token's status" error={status.error} onRetry={() => void status.refetch()} />
      ) : null}
      {status.data ? <StatusLine status={status.data} /> : null}
    </div>
  );
}
