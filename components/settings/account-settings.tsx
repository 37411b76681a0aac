"use client";

import { useState, type FormEvent } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ApiTokens } from "./api-tokens";

interface AccountRow {
  id: string;
  provider: string;
  externalId: string;
  name: string | null;
  role: "owner" | "member";
}

async function postJson(url: string, body: unknown): Promise<{ ok: boolean; json: Record<string, unknown> }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { ok: response.ok, json: ((await response.json().catch(() => ({}))) as Record<string, unknown>) ?? {} };
}

/** One account: who you are in it and, for owners, inviting people and the account's API tokens. */
export function AccountSettings({ account }: { account: AccountRow }) {
  const [invite, setInvite] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();
  const label = account.name ?? account.externalId;

  async function sendInvite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await postJson(`/api/accounts/${account.id}/invitations`, { email: form.get("email"), role: form.get("role") });
    setError(result.ok ? null : String(result.json.error ?? "failed"));
    setInvite(result.ok ? String(result.json.link) : null);
  }

  return (
    <section aria-label={`Account ${label}`} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">{label}</h2>
      <p className="mb-3 text-xs text-slate-600">
        {account.provider === "leadconnector" ? "HighLevel location" : "Voxity agent"} {account.externalId} · you are {account.role}
      </p>
      {account.role === "owner" ? (
        <div className="grid gap-4 md:grid-cols-2">
          <form onSubmit={sendInvite} className="flex flex-col gap-2 text-sm" aria-label={`Invite to ${label}`}>
            <h3 className="font-medium">Invite someone</h3>
            <input name="email" type="email" required placeholder="name@example.com" aria-label="Email to invite" className="rounded border border-slate-300 px-2 py-1" />
            <select name="role" aria-label="Role" className="rounded border border-slate-300 px-2 py-1">
              <option value="member">Member (reads)</option>
              <option value="owner">Owner (also invites, issues tokens)</option>
            </select>
            <button type="submit" disabled={!hydrated} className="rounded bg-slate-900 px-2 py-1 font-semibold text-white disabled:opacity-60">Create invitation link</button>
            {invite && (
              <p className="break-all rounded bg-green-50 p-2 text-xs" data-testid="invite-link">
                Send this link (valid 7 days, once): <code>{invite}</code>
              </p>
            )}
          </form>
          <ApiTokens accountId={account.id} label={label} />
        </div>
      ) : (
        <p className="text-sm text-slate-600">Members read this account&apos;s conversations. Ask an owner to invite others.</p>
      )}
      {error && <p role="alert" className="mt-2 text-sm text-red-800">{error}</p>}
    </section>
  );
}
