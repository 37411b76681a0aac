"use client";

import { useState, type FormEvent } from "react";
import { ApiError, apiFetch } from "@/components/api/api-fetch";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { FormFooter } from "./form-footer";
import { Notice } from "@/components/ui/notice";

/** Asks Better Auth to mail a reset link. The answer never says whether the address has a sign-in. */
export function ForgotPasswordForm() {
  const [state, setState] = useState<"idle" | "busy" | "sent">("idle");
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    setState("busy");
    setError(null);
    try {
      await apiFetch("/api/auth/request-password-reset", {
        method: "POST",
        body: { email, redirectTo: "/reset-password" },
        redirectOnUnauthorized: false,
      });
      setState("sent");
    } catch (failure) {
      setState("idle");
      setError(
        failure instanceof ApiError && failure.status === 429
          ? "Too many requests. Wait a minute, then try again."
          : "The request failed. Try again in a moment.",
      );
    }
  }

  if (state === "sent") {
    return (
      <Notice tone="success" role="status">
        If this address has a Threadline sign-in, a link to choose a new password is on its way. It works once, for an
        hour.
      </Notice>
    );
  }
  return (
    <form method="post" onSubmit={submit} className="flex flex-col gap-3" aria-label="Reset password">
      <label className="flex flex-col gap-1 text-sm">
        Email
        <Input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <FormFooter error={error} busy={state === "busy"}>
        Mail me a link
      </FormFooter>
      <a href="/sign-in" className={cn(buttonVariants({ variant: "link" }), "self-start")}>
        Back to sign-in
      </a>
    </form>
  );
}
