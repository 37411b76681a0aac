"use client";

import { useReadableAccounts } from "@/components/inbox-data/queries";
import type { InboxState } from "@/components/inbox-data/use-inbox-state";
import { useLabelsInScope } from "@/components/team/label-api";
import { Select } from "@/components/ui/select";

/**
 * One label's conversations (`?label=`), from the labels of the accounts in view. Shown once an
 * account has labels; with several accounts a label says whose it is.
 */
export function LabelFilter({ inbox }: { inbox: InboxState }) {
  const labels = useLabelsInScope();
  const accounts = useReadableAccounts();
  const { account, label: selected } = inbox.filters;
  const shown = (labels.data ?? []).filter((label) => !account || label.accountId === account);
  if (shown.length === 0 && !selected) return null;
  const several = (accounts.data?.length ?? 0) > 1 && !account;
  const accountName = (id: string) => accounts.data?.find((a) => a.id === id)?.name ?? "";
  return (
    <label className="flex items-center gap-2 text-xs text-text-muted">
      Label
      <Select
        controlSize="sm"
        value={selected ?? ""}
        onChange={(event) => inbox.setLabel(event.target.value || null)}
        className="min-w-0 flex-1"
        data-testid="label-filter"
      >
        <option value="">Any label</option>
        {shown.map((label) => (
          <option key={label.id} value={label.id}>
            {several ? `${label.name} · ${accountName(label.accountId)}` : label.name}
          </option>
        ))}
      </Select>
    </label>
  );
}
