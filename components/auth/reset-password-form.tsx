"use client";

import { useState, type FormEvent } from "react";
import { ApiError, apiFetch } from "@/components/api/api-fetch";
import { buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormFooter } from "./form-footer";
import { Notice } from "@/components/ui/notice";

/** Sets a new password with the token from the mailed link (Better Auth checks and uses it up). */
export function ResetPasswordForm({ token }: { token: string }) {
  const [state, setState] = useState<"idle" | "busy" | "done">("idle");
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get("password") ?? "");
    if (newPassword !== String(form.get("repeat") ?? "")) {
      setError("The two passwords differ.");
      return;
    }
    setState("busy");
    setError(null);
    try {
      await apiFetch("/api/auth/reset-password", {
        method: "POST",
        body: { token, newPassword },
        redirectOnUnauthorized: false,
      });
      setState("done");
    } catch (failure) {
      setState("idle");
      setError(
        failure instanceof ApiError && failure.code === "INVALID_TOKEN"
          ? "This link was used already or has expired. Ask for a new one."
          : failure instanceof Error
            ? failure.message
            : "The server did not answer.",
      );
    }
  }

  if (state === "done") {
    return (
      <Notice tone="success" role="status">
        Your password is changed and every other session is signed out.{" "}
        <a href="/sign-in" className={buttonVariants({ variant: "link" })}>
          Sign in
        </a>
      </Notice>
    );
  }
  return (
    <form method="post" onSubmit={submit} className="flex flex-col gap-3" aria-label="Choose a new password">
      <label className="flex flex-col gap-1 text-sm">
        New password (10 characters or more)
        <Input name="password" type="password" minLength={10} required autoComplete="new-password" autoFocus />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        The same again
        <Input name="repeat" type="password" minLength={10} required autoComplete="new-password" />
      </label>
      <FormFooter error={error} busy={state === "busy"}>
        Set new password
      </FormFooter>
    </form>
  );
}
