"use client";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import { LoadError } from "@/components/ui/query-state";
import { type InvitationRow, useInvitations } from "./queries";

// What became of each invitation, so an owner sees a mail that did not go out (and why) instead
// of waiting for someone who never got it.

function deliveryOf(row: InvitationRow): { tone: BadgeTone; label: string; detail?: string } {
  if (row.acceptedAt) return { tone: "success", label: "accepted" };
  if (new Date(row.expiresAt).getTime() < Date.now()) return { tone: "neutral", label: "expired" };
  const { mail } = row;
  if (!mail) return { tone: "neutral", label: "link shown to you" };
  if (mail.status === "sent") return { tone: "success", label: "mailed" };
  if (mail.status === "failed") {
    return { tone: "danger", label: "mail failed", detail: `gave up after ${mail.attempts} tries: ${mail.lastError}` };
  }
  if (mail.lastError) {
    const next = mail.nextAttemptAt ? `, next try ${new Date(mail.nextAttemptAt).toLocaleTimeString()}` : "";
    return { tone: "warning", label: "retrying", detail: `${mail.lastError}${next}` };
  }
  return { tone: "accent", label: "sending" };
}

export function Invitations({ accountId, label }: { accountId: string; label: string }) {
  const invitations = useInvitations(accountId);
  if (invitations.isError)
    return <LoadError what="invitations" error={invitations.error} onRetry={() => void invitations.refetch()} />;
  const rows = invitations.data ?? [];
  if (rows.length === 0) return null;
  return (
    <section className="flex flex-col gap-1 text-sm md:col-span-2" aria-label={`Invitations to ${label}`}>
      <h3 className="font-medium">Invitations</h3>
      <ul className="divide-y divide-border text-xs">
        {rows.map((row) => {
          const delivery = deliveryOf(row);
          return (
            <li key={row.id} className="flex flex-wrap items-center gap-2 py-1">
              <span className="font-medium">{row.email}</span>
              <span className="text-text-muted">{row.role}</span>
              <Badge tone={delivery.tone} className="ml-auto">
                {delivery.label}
              </Badge>
              {delivery.detail && <span className="basis-full break-words text-text-muted">{delivery.detail}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
