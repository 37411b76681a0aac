"use client";

import { useReadableAccounts } from "@/components/inbox-data/queries";
import type { InboxState } from "@/components/inbox-data/use-inbox-state";
import { Select } from "@/components/ui/select";

/**
 * One account or all of them (`?account=`), by display name: three locations can each have a
 * "Hannah King", and this tells them apart. Only shown to someone who reads more than one account.
 */
export function AccountFilter({ inbox }: { inbox: InboxState }) {
  const accounts = useReadableAccounts();
  const selected = inbox.filters.account;
  if (!accounts.data || (accounts.data.length < 2 && !selected)) return null;
  return (
    <label className="flex items-center gap-2 text-xs text-text-muted">
      Account
      <Select
        controlSize="sm"
        value={selected ?? ""}
        onChange={(event) => inbox.setAccount(event.target.value || null)}
        className="min-w-0 flex-1"
        data-testid="account-filter"
      >
        <option value="">All accounts</option>
        {accounts.data.map((account) => (
          <option key={account.id} value={account.id}>
            {account.name}
          </option>
        ))}
      </Select>
    </label>
  );
}
