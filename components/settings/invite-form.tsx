"use client";

import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useCreateInvitation, type InvitationRole } from "./queries";

/** An owner invites someone: mailed when SMTP is set up, else a one-time link (valid 7 days) to pass on. */
export function InviteForm({ accountId, label, mailOn }: { accountId: string; label: string; mailOn: boolean }) {
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
        {mailOn ? "Send invitation" : "Create invitation link"}
      </Button>
      {invite.isSuccess &&
        (invite.data.link ? (
          <Notice tone="success" className="break-all text-xs" data-testid="invite-link">
            No mail is set up here, so deliver it yourself: send this link to {invite.data.email} (valid 7 days, once).{" "}
            <code>{invite.data.link}</code>
          </Notice>
        ) : (
          <Notice tone="success" role="status" className="text-xs">
            Invitation mailed to {invite.data.email}. Its delivery shows under Invitations.
          </Notice>
        ))}
      {invite.isError && (
        <p role="alert" className="text-danger">
          {invite.error.message}
        </p>
      )}
    </form>
  );
}
