import { Panel } from "@/components/ui/panel";
import { ApiTokens } from "./api-tokens";
import { InviteForm } from "./invite-form";

interface AccountRow {
  id: string;
  provider: string;
  externalId: string;
  name: string | null;
  role: "owner" | "member";
}

/** One account: who you are in it and, for owners, inviting people and the account's API tokens. */
export function AccountSettings({ account }: { account: AccountRow }) {
  const label = account.name ?? account.externalId;
  return (
    <Panel aria-label={`Account ${label}`} padding="md">
      <h2 className="font-semibold">{label}</h2>
      <p className="mb-3 text-xs text-text-muted">
        {account.provider === "leadconnector" ? "HighLevel location" : "Voxity agent"} {account.externalId} · you are{" "}
        {account.role}
      </p>
      {account.role === "owner" ? (
        <div className="grid gap-4 md:grid-cols-2">
          <InviteForm accountId={account.id} label={label} />
          <ApiTokens accountId={account.id} label={label} />
        </div>
      ) : (
        <p className="text-sm text-text-muted">
          Members read this account&apos;s conversations. Ask an owner to invite others.
        </p>
      )}
    </Panel>
  );
}
