"use client";

import { useCallback, useEffect, useState, type FormEvent } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

interface TokenRow {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : "never");

/** An owner's API tokens for one account: issue (shown once), see when each was last used, revoke. */
export function ApiTokens({ accountId, label }: { accountId: string; label: string }) {
  const [tokens, setTokens] = useState<TokenRow[]>([]);
  const [issued, setIssued] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();
  const base = `/api/accounts/${accountId}/tokens`;

  const reload = useCallback(async () => {
    const response = await fetch(base);
    if (response.ok) setTokens(((await response.json()) as { tokens: TokenRow[] }).tokens);
  }, [base]);
  useEffect(() => void reload(), [reload]);

  async function issue(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const response = await fetch(base, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: new FormData(form).get("name") }) });
    const body = (await response.json().catch(() => ({}))) as { token?: string; error?: string };
    setError(response.ok ? null : (body.error ?? "failed"));
    setIssued(body.token ?? null);
    if (response.ok) form.reset();
    await reload();
  }

  async function revoke(id: string) {
    const response = await fetch(`${base}/${id}`, { method: "DELETE" });
    setError(response.ok ? null : "could not revoke");
    await reload();
  }

  return (
    <div className="flex flex-col gap-2 text-sm">
      <form onSubmit={issue} className="flex flex-col gap-2" aria-label={`API token for ${label}`}>
        <h3 className="font-medium">API tokens</h3>
        <input name="name" required placeholder="What uses it, e.g. CRM sync" aria-label="Token name" className="rounded border border-slate-300 px-2 py-1" />
        <button type="submit" disabled={!hydrated} className="rounded bg-slate-900 px-2 py-1 font-semibold text-white disabled:opacity-60">Issue token</button>
      </form>
      {issued && (
        <p className="break-all rounded bg-amber-50 p-2 text-xs" data-testid="api-token">
          Shown once — copy it now: <code>{issued}</code>
        </p>
      )}
      {error && <p role="alert" className="text-red-800">{error}</p>}
      {tokens.length > 0 && (
        <ul className="divide-y divide-slate-200 text-xs" aria-label={`Tokens of ${label}`}>
          {tokens.map((token) => (
            <li key={token.id} className="flex items-center gap-2 py-1">
              <span className="font-medium">{token.name}</span>
              <span className="text-slate-600">made {day(token.createdAt)} · used {day(token.lastUsedAt)}</span>
              {token.revokedAt ? (
                <span className="ml-auto text-slate-500">revoked</span>
              ) : (
                <button type="button" onClick={() => revoke(token.id)} className="ml-auto underline" aria-label={`Revoke ${token.name}`}>
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
