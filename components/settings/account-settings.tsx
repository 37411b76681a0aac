import { Panel } from "@/components/ui/panel";
import { AccountNameForm } from "./account-name-form";
import { ApiTokens } from "./api-tokens";
import { HighLevelSyncSettings } from "./highlevel-sync-settings";
import { HighLevelTokenForm } from "./highlevel-token-form";
import { InviteForm } from "./invite-form";
import { Invitations } from "./invitations";
import { LabelSettings } from "./label-settings";
import { TriageSettingsForm } from "./triage-settings-form";

interface AccountRow {
  id: string;
  provider: string;
  externalId: string;
  /** The display name (owner's, else the provider's, else "HighLevel location <id>"). */
  name: string;
  ownName: string | null;
  role: "owner" | "member";
}

/** One account: who you are in it and, for owners, inviting people and the account's API tokens. */
export function AccountSettings({ account, mailOn }: { account: AccountRow; mailOn: boolean }) {
  const label = account.name;
  return (
    <Panel aria-label={`Account ${label}`} padding="md">
      <h2 className="font-semibold">{label}</h2>
      <p className="mb-3 text-xs text-text-muted">
        {account.provider === "highlevel" ? "HighLevel location" : "Voxity agent"} {account.externalId} · you are{" "}
        {account.role}
      </p>
      {account.role === "owner" ? (
        <AccountNameForm accountId={account.id} ownName={account.ownName} shown={label} />
      ) : null}
      {account.role === "owner" ? (
        <div className="grid gap-4 md:grid-cols-2">
          <InviteForm accountId={account.id} label={label} mailOn={mailOn} />
          <ApiTokens accountId={account.id} label={label} />
          <Invitations accountId={account.id} label={label} />
          <LabelSettings accountId={account.id} label={label} />
          <TriageSettingsForm accountId={account.id} label={label} />
        </div>
      ) : (
        <p className="text-sm text-text-muted">
          Members read this account&apos;s conversations. Ask an owner to invite others.
        </p>
      )}
      {account.role === "owner" && account.provider === "highlevel" ? (
        <>
          <HighLevelTokenForm accountId={account.id} label={label} />
          <HighLevelSyncSettings accountId={account.id} label={label} />
        </>
      ) : null}
    </Panel>
  );
}
