"use client";

import { LoaderCircle } from "lucide-react";
import { useRef, useState, type FormEvent } from "react";
import { ApiError, apiFetch } from "@/components/api/api-fetch";
import { Button, buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { useHydrated } from "@/components/ui/use-hydrated";

const MESSAGES: Record<number, string> = {
  401: "Wrong email or password.",
  429: "Too many attempts. Wait a minute, then try again.",
  403: "This sign-in came from another site and was refused.",
};

export function SignInForm({
  next,
  canResetPassword,
  signedOut = false,
}: {
  next: string;
  canResetPassword: boolean;
  signedOut?: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  const password = useRef<HTMLInputElement>(null);

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
      // Back to the password (cleared), so a person can retype it at once.
      if (password.current) {
        password.current.value = "";
        password.current.focus();
      }
      // Our own words for the answers a person can act on; the server's message otherwise.
      setError(
        failure instanceof ApiError
          ? failure.code === "EMAIL_NOT_VERIFIED"
            ? "Confirm your email address first: we have just mailed you a link."
            : (MESSAGES[failure.status] ?? `Sign-in failed (${failure.status}).`)
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
        <Input ref={password} name="password" type="password" autoComplete="current-password" required />
      </label>
      {canResetPassword && (
        <a href="/forgot-password" className={cn(buttonVariants({ variant: "link" }), "self-start")}>
          Forgot password?
        </a>
      )}
      {signedOut && !error && (
        <Notice tone="success" role="status">
          You have signed out.
        </Notice>
      )}
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
