"use client";

import { Link2 } from "lucide-react";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useDecideSamePerson, useSamePerson, type SamePerson } from "./same-person-api";

// "Also in: Voxity · +1 305 557 0002" under the customer's details: the same phone or email on
// another customer the viewer can see, linking that conversation. An owner is asked whether it
// is the same person: Accept links them (one customer, both conversations), Dismiss hides it for good.

export const PROVIDER_LABEL: Record<string, string> = { highlevel: "HighLevel", voxity: "Voxity" };

function sharedText(shared: SamePerson["shared"]): string | null {
  if (!shared) return null;
  if (shared.kind === "email") return shared.value;
  return parsePhoneNumberFromString(shared.value)?.formatInternational() ?? shared.value;
}

function Match({
  match,
  customerId,
  canDecide,
  onOpen,
}: {
  match: SamePerson;
  customerId: string;
  canDecide: boolean;
  onOpen: (conversationId: string) => void;
}) {
  const decide = useDecideSamePerson(customerId);
  const where = [PROVIDER_LABEL[match.provider] ?? match.provider, match.account.name, sharedText(match.shared)]
    .filter(Boolean)
    .join(" · ");
  const answer = (decision: "linked" | "dismissed") => decide.mutate({ otherCustomerId: match.customerId, decision });
  return (
    <li className="space-y-1 text-sm" data-testid="same-person">
      <p className="flex min-w-0 items-start gap-1.5">
        <Link2 className="mt-0.5 size-4 shrink-0 text-text-muted" aria-hidden />
        <span className="min-w-0">
          <span className="text-text-muted">Also in: </span>
          {match.conversation ? (
            <Button
              variant="link"
              className="whitespace-normal text-left"
              onClick={() => onOpen(match.conversation!.id)}
            >
              {where}
            </Button>
          ) : (
            where
          )}
          {match.status === "linked" && <span className="text-text-muted"> · linked as one person</span>}
        </span>
      </p>
      {match.status === "suggested" && canDecide && (
        <fieldset
          className="m-0 flex min-w-0 flex-wrap items-center gap-2 border-0 p-0 pl-5.5"
          aria-label={`Is ${where} the same person?`}
        >
          <span className="text-xs text-text-muted">Same person?</span>
          <Button size="sm" variant="secondary" disabled={decide.isPending} onClick={() => answer("linked")}>
            Accept
          </Button>
          <Button size="sm" variant="ghost" disabled={decide.isPending} onClick={() => answer("dismissed")}>
            Dismiss
          </Button>
        </fieldset>
      )}
      {decide.isError && <Notice tone="danger">{decide.error.message}</Notice>}
    </li>
  );
}

export function SamePersonLinks({
  customerId,
  onOpen,
}: {
  customerId: string;
  onOpen: (conversationId: string) => void;
}) {
  const query = useSamePerson(customerId);
  const matches = query.data?.matches ?? [];
  if (matches.length === 0) return null;
  return (
    <ul className="space-y-2" aria-label="The same person elsewhere" data-testid="same-person-links">
      {matches.map((match) => (
        <Match
          key={match.customerId}
          match={match}
          customerId={customerId}
          canDecide={query.data?.canDecide ?? false}
          onOpen={onOpen}
        />
      ))}
    </ul>
  );
}
