"use client";

import { Check, Mail, MailOpen, X } from "lucide-react";
import type { ListFilters } from "@/components/inbox-data/api-client";
import type { ConversationSummary } from "@/components/inbox-data/api-types";
import { SnoozeMenu } from "@/components/team/snooze-menu";
import { Button } from "@/components/ui/button";
import { IconButton } from "@/components/ui/icon-button";
import { useMatchingCount } from "./bulk-api";
import { BULK_SNOOZE_ID, BulkAssignMenu, BulkLabelMenu } from "./bulk-menus";
import { useBulkCommands } from "./use-bulk-commands";

// The bar over the list while conversations are selected: how many, "Select all N matching",
// and the actions (the same keys as for one conversation: e, a, i, l, s, u; Esc clears).

export function BulkBar({
  filters,
  meId,
  rowOf,
}: {
  filters: ListFilters;
  meId: string;
  /** The list's row for an id (the selection's accounts and labels are read from the rows). */
  rowOf: (id: string) => ConversationSummary | undefined;
}) {
  const { apply, selection } = useBulkCommands(filters);
  const matching = useMatchingCount(filters, selection.count > 0);
  if (selection.count === 0 && !selection.allMatching) return null;

  const rows = [...selection.ids].map(rowOf).filter((row): row is ConversationSummary => Boolean(row));
  const accountIds = selection.allMatching
    ? filters.account
      ? [filters.account]
      : null
    : [...new Set(rows.map((row) => row.account.id))];
  const total = matching.data?.count ?? null;
  const count = selection.allMatching ? (total ?? selection.count) : selection.count;
  const allHave = (labelId: string) =>
    !selection.allMatching && rows.length > 0 && rows.every((row) => row.labels.some((label) => label.id === labelId));

  return (
    <div
      role="toolbar"
      aria-label="Bulk actions"
      data-testid="bulk-bar"
      className="flex flex-wrap items-center gap-1.5 border-b border-border bg-accent-soft px-3 py-2"
    >
      <span className="mr-auto text-sm font-semibold" role="status" data-testid="bulk-count">
        {selection.allMatching
          ? `All ${count.toLocaleString("en-US")} selected`
          : `${count.toLocaleString("en-US")} selected`}
      </span>
      {!selection.allMatching && total !== null && total > selection.count && (
        <Button variant="link" size="sm" onClick={selection.selectAllMatching}>
          {matching.data?.capped
            ? `Select the first ${total.toLocaleString("en-US")}`
            : `Select all ${total.toLocaleString("en-US")} matching`}
        </Button>
      )}
      <IconButton label="Clear selection (Esc)" aria-keyshortcuts="Escape" onClick={selection.clear}>
        <X className="size-4" aria-hidden />
      </IconButton>
      <div className="flex w-full flex-wrap gap-1.5">
        <Button
          variant="secondary"
          size="sm"
          aria-keyshortcuts="E"
          title="Mark done (e)"
          onClick={() => void apply({ kind: "done" })}
        >
          <Check className="size-3.5" aria-hidden /> Done
        </Button>
        <BulkAssignMenu
          accountIds={accountIds}
          meId={meId}
          onAssign={(assignee) =>
            void apply(
              { kind: "assign", assigneeId: assignee?.id ?? null },
              { assignee: assignee?.id === meId ? "you" : assignee?.name },
            )
          }
        />
        <BulkLabelMenu
          accountIds={accountIds}
          allHave={allHave}
          onLabel={(label, on) =>
            void apply({ kind: on ? "label" : "unlabel", labelId: label.id }, { label: label.name })
          }
        />
        <SnoozeMenu
          buttonId={BULK_SNOOZE_ID}
          onSnooze={(until) => void apply({ kind: "snooze", until: until.toISOString() })}
        />
        <Button variant="secondary" size="sm" onClick={() => void apply({ kind: "read" })}>
          <MailOpen className="size-3.5" aria-hidden /> Mark read
        </Button>
        <Button
          variant="secondary"
          size="sm"
          aria-keyshortcuts="U"
          title="Mark unread (u)"
          onClick={() => void apply({ kind: "unread" })}
        >
          <Mail className="size-3.5" aria-hidden /> Mark unread
        </Button>
      </div>
    </div>
  );
}
