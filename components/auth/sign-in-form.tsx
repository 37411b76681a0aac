"use client";

import { LoaderCircle } from "lucide-react";
import { useState, type FormEvent } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

const MESSAGES: Record<number, string> = {
  401: "Wrong email or password.",
  429: "Too many attempts. Wait a minute, then try again.",
  403: "This sign-in came from another site and was refused.",
};

export function SignInForm({ next }: { next: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const response = await fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
    }).catch(() => null);
    if (response?.ok) {
      window.location.assign(next);
      return;
    }
    setBusy(false);
    setError(response ? (MESSAGES[response.status] ?? `Sign-in failed (${response.status}).`) : "The server did not answer.");
  }

  return (
    <form method="post" onSubmit={submit} className="flex flex-col gap-3" aria-label="Sign in">
      <label className="flex flex-col gap-1 text-sm">
        Email
        <input name="email" type="email" autoComplete="username" required autoFocus className="rounded border border-slate-300 px-2 py-1.5" />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Password
        <input name="password" type="password" autoComplete="current-password" required className="rounded border border-slate-300 px-2 py-1.5" />
      </label>
      {error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy || !hydrated} className="inline-flex items-center justify-center gap-2 rounded bg-slate-900 px-3 py-2 text-sm font-semibold text-white disabled:opacity-60">
        {busy && <LoaderCircle className="size-4 animate-spin" aria-hidden />} Sign in
      </button>
    </form>
  );
}
