"use client";

import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api/api-fetch";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
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
    try {
      await apiFetch("/api/invitations/accept", {
        method: "POST",
        body: { token, name: form.get("name"), password },
        redirectOnUnauthorized: false,
      });
    } catch (failure) {
      setBusy(false);
      setError(failure instanceof Error ? failure.message : "The server did not answer.");
      return;
    }
    // Joined: sign in with the new password; if that fails, the sign-in page asks for it.
    const signedIn = await apiFetch("/api/auth/sign-in/email", {
      method: "POST",
      body: { email, password },
      redirectOnUnauthorized: false,
    }).then(
      () => true,
      () => false,
    );
    window.location.assign(signedIn ? "/" : "/sign-in");
  }

  return (
    <form method="post" onSubmit={submit} className="flex flex-col gap-3" aria-label="Accept invitation">
      <label className="flex flex-col gap-1 text-sm">
        Your name
        <Input name="name" required autoComplete="name" />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Password (10 characters or more)
        <Input name="password" type="password" minLength={10} required autoComplete="new-password" />
      </label>
      {error && (
        <Notice tone="danger" role="alert">
          {error}
        </Notice>
      )}
      <Button type="submit" size="lg" disabled={busy || !hydrated}>
        Join
      </Button>
    </form>
  );
}
