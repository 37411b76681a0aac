"use client";

import type { FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { LoadError } from "@/components/ui/query-state";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useApiTokens, useIssueToken, useRevokeToken, type TokenRow } from "./queries";

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : "never");

function TokenList({ tokens, label, onRevoke }: { tokens: TokenRow[]; label: string; onRevoke: (id: string) => void }) {
  if (tokens.length === 0) return null;
  return (
    <ul className="divide-y divide-border text-xs" aria-label={`Tokens of ${label}`}>
      {tokens.map((token) => (
        <li key={token.id} className="flex items-center gap-2 py-1">
          <span className="font-medium">{token.name}</span>
          {token.scope === "send" ? <Badge tone="warning">can send replies</Badge> : <Badge>read only</Badge>}
          <span className="text-text-muted">
            made {day(token.createdAt)} · used {day(token.lastUsedAt)}
          </span>
          {token.revokedAt ? (
            <span className="ml-auto text-text-muted">revoked</span>
          ) : (
            <Button
              variant="link"
              size="sm"
              onClick={() => onRevoke(token.id)}
              className="ml-auto text-text"
              aria-label={`Revoke ${token.name}`}
            >
              Revoke
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** An owner's API tokens for one account: issue (shown once), see when each was last used, revoke. */
export function ApiTokens({ accountId, label }: { accountId: string; label: string }) {
  const tokens = useApiTokens(accountId);
  const issue = useIssueToken(accountId);
  const revoke = useRevokeToken(accountId);
  const hydrated = useHydrated();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const scope = data.get("send") === "on" ? "send" : "read";
    issue.mutate({ name: String(data.get("name") ?? ""), scope }, { onSuccess: () => form.reset() });
  }

  const error = issue.error ?? revoke.error;
  return (
    <div className="flex flex-col gap-2 text-sm">
      <form onSubmit={submit} className="flex flex-col gap-2" aria-label={`API token for ${label}`}>
        <h3 className="font-medium">API tokens</h3>
        <Input
          name="name"
          required
          placeholder="What uses it, e.g. CRM sync"
          aria-label="Token name"
          className="py-1"
        />
        <label className="inline-flex items-center gap-1 text-xs text-text pointer-coarse:min-h-11">
          <input type="checkbox" name="send" /> Can send replies
        </label>
        <Button type="submit" size="sm" className="text-sm" disabled={!hydrated || issue.isPending}>
          Issue token
        </Button>
      </form>
      {issue.isSuccess && (
        <Notice tone="warning" className="break-all text-xs" data-testid="api-token">
          Shown once — copy it now: <code>{issue.data.token}</code>
        </Notice>
      )}
      {error && (
        <p role="alert" className="text-danger">
          {error.message}
        </p>
      )}
      {tokens.isError && <LoadError what="the tokens" error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.data && <TokenList tokens={tokens.data} label={label} onRevoke={(id) => revoke.mutate(id)} />}
    </div>
  );
}
