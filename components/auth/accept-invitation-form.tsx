"use client";

import { useState, type FormEvent } from "react";
import { apiFetch } from "@/components/api/api-fetch";
import { Input } from "@/components/ui/input";
import { FormFooter } from "./form-footer";
import { Notice } from "@/components/ui/notice";

interface Accepted {
  created: boolean;
  /** "mail": the new sign-in works once the address is confirmed by the mailed link. */
  confirmBy: "mail" | null;
}

/** "create": a new sign-in with name and password; "join": the signed-in invitee just accepts. */
export function AcceptInvitationForm({
  token,
  email,
  mode,
}: {
  token: string;
  email: string;
  mode: "create" | "join";
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmByMail, setConfirmByMail] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = mode === "create" ? String(form.get("password")) : undefined;
    setBusy(true);
    setError(null);
    let accepted: Accepted;
    try {
      accepted = await apiFetch<Accepted>("/api/invitations/accept", {
        method: "POST",
        body: { token, name: mode === "create" ? form.get("name") : undefined, password },
        redirectOnUnauthorized: false,
      });
    } catch (failure) {
      setBusy(false);
      setError(failure instanceof Error ? failure.message : "The server did not answer.");
      return;
    }
    if (accepted.confirmBy === "mail") {
      setConfirmByMail(true);
      return;
    }
    // Joined: sign in with the new password (unless already signed in); if that fails, the sign-in page asks.
    const signedIn =
      mode === "join" ||
      (await apiFetch("/api/auth/sign-in/email", {
        method: "POST",
        body: { email, password },
        redirectOnUnauthorized: false,
      }).then(
        () => true,
        () => false,
      ));
    window.location.assign(signedIn ? "/" : "/sign-in");
  }

  if (confirmByMail) {
    return (
      <Notice tone="success" role="status">
        Almost there: we mailed a link to <strong>{email}</strong>. Open it to confirm the address and sign in.
      </Notice>
    );
  }
  return (
    <form method="post" onSubmit={submit} className="flex flex-col gap-3" aria-label="Accept invitation">
      {mode === "create" && (
        <>
          <label className="flex flex-col gap-1 text-sm">
            Your name
            <Input name="name" required autoComplete="name" />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            Password (10 characters or more)
            <Input name="password" type="password" minLength={10} required autoComplete="new-password" />
          </label>
        </>
      )}
      <FormFooter error={error} busy={busy}>
        Join
      </FormFooter>
    </form>
  );
}
