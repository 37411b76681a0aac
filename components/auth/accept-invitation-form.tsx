"use client";

import { useState, type FormEvent } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password"));
    setBusy(true);
    setError(null);
    const accepted = await fetch("/api/invitations/accept", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, name: form.get("name"), password }),
    });
    if (!accepted.ok) {
      setBusy(false);
      setError(((await accepted.json().catch(() => null)) as { error?: string } | null)?.error ?? `Failed (${accepted.status}).`);
      return;
    }
    const signedIn = await fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    window.location.assign(signedIn.ok ? "/" : "/sign-in");
  }

  return (
    <form method="post" onSubmit={submit} className="flex flex-col gap-3" aria-label="Accept invitation">
      <label className="flex flex-col gap-1 text-sm">
        Your name
        <input name="name" required autoComplete="name" className="rounded border border-slate-300 px-2 py-1.5" />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Password (10 characters or more)
        <input name="password" type="password" minLength={10} required autoComplete="new-password" className="rounded border border-slate-300 px-2 py-1.5" />
      </label>
      {error && <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">{error}</p>}
      <button type="submit" disabled={busy || !hydrated} className="rounded bg-slate-900 px-3 py-2 text-sm font-semibold text-white disabled:opacity-60">
        Join
      </button>
    </form>
  );
}
