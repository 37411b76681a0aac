"use client";

import { LoaderCircle } from "lucide-react";
import { useState, type FormEvent } from "react";
import { ApiError, apiFetch } from "@/components/api/api-fetch";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
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
    try {
      await apiFetch("/api/auth/sign-in/email", {
        method: "POST",
        body: { email: form.get("email"), password: form.get("password") },
        redirectOnUnauthorized: false,
      });
      window.location.assign(next);
    } catch (failure) {
      setBusy(false);
      // Our own words for the answers a person can act on; the server's message otherwise.
      setError(
        failure instanceof ApiError
          ? (MESSAGES[failure.status] ?? `Sign-in failed (${failure.status}).`)
          : "The server did not answer.",
      );
    }
  }

  return (
    <form method="post" onSubmit={submit} className="flex flex-col gap-3" aria-label="Sign in">
      <label className="flex flex-col gap-1 text-sm">
        Email
        <Input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Password
        <Input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <Notice tone="danger" role="alert">
          {error}
        </Notice>
      )}
      <Button type="submit" size="lg" disabled={busy || !hydrated}>
        {busy && <LoaderCircle className="size-4 animate-spin" aria-hidden />} Sign in
      </Button>
    </form>
  );
}
