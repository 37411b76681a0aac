"use client";

import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useCreateInvitation, type InvitationRole } from "./queries";

/** An owner creates a one-time invitation link (valid 7 days) for someone to join the account. */
export function InviteForm({ accountId, label }: { accountId: string; label: string }) {
  const invite = useCreateInvitation(accountId);
  const hydrated = useHydrated();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const role: InvitationRole = form.get("role") === "owner" ? "owner" : "member";
    invite.mutate({ email: String(form.get("email") ?? ""), role });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2 text-sm" aria-label={`Invite to ${label}`}>
      <h3 className="font-medium">Invite someone</h3>
      <Input
        name="email"
        type="email"
        required
        placeholder="name@example.com"
        aria-label="Email to invite"
        className="py-1"
      />
      <Select name="role" aria-label="Role" className="py-1">
        <option value="member">Member (reads)</option>
        <option value="owner">Owner (also invites, issues tokens)</option>
      </Select>
      <Button type="submit" size="sm" className="text-sm" disabled={!hydrated || invite.isPending}>
        Create invitation link
      </Button>
      {invite.isSuccess && (
        <Notice tone="success" className="break-all text-xs" data-testid="invite-link">
          Send this link (valid 7 days, once): <code>{invite.data.link}</code>
        </Notice>
      )}
      {invite.isError && (
        <p role="alert" className="text-danger">
          {invite.error.message}
        </p>
      )}
    </form>
  );
}
