"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { LoadError } from "@/components/ui/query-state";
import { Select } from "@/components/ui/select";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { HighLevelSyncView } from "@/lib/team/highlevel-sync/settings";
import {
  useHighLevelSync,
  useLinkHighLevelUser,
  useRefetchHighLevelUsers,
  useSetAssignmentSync,
} from "./highlevel-sync-queries";

const NOT_LINKED = "";
const when = (iso: string) => new Date(iso).toLocaleString();

type Fetch = Pick<HighLevelSyncView, "usersFetchedAt" | "usersError">;

/** Who each person is in HighLevel: a select per member, "Not linked" or one of the location's users. */
function MemberLinks({ accountId, view }: { accountId: string; view: HighLevelSyncView }) {
  const link = useLinkHighLevelUser(accountId);
  const hydrated = useHydrated();
  return (
    <div className="flex flex-col gap-1">
      <ul className="divide-y divide-border text-xs" aria-label="HighLevel users of the team">
        {view.members.map((member) => (
          <li key={member.id} className="flex flex-wrap items-center gap-2 py-1">
            <span className="min-w-0 flex-1 truncate" title={member.email}>
              {member.name}
              {member.source === "email" ? <span className="text-text-muted"> · matched by email</span> : null}
            </span>
            <Select
              controlSize="sm"
              aria-label={`HighLevel user for ${member.name}`}
              value={member.highLevelUserId ?? NOT_LINKED}
              disabled={!hydrated || link.isPending}
              onChange={(event) => link.mutate({ userId: member.id, highLevelUserId: event.target.value || null })}
              className="max-w-56"
            >
              <option value={NOT_LINKED}>Not linked</option>
              {view.highLevelUsers.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.email ? `${user.name} (${user.email})` : user.name}
                </option>
              ))}
            </Select>
          </li>
        ))}
      </ul>
      {link.isError ? (
        <p role="alert" className="text-danger">
          {link.error.message}
        </p>
      ) : null}
    </div>
  );
}

/** An owner's assignment sync with HighLevel: the switch, the location's users, and who is whom. */
export function HighLevelSyncSettings({ accountId, label }: { accountId: string; label: string }) {
  const [asked, setAsked] = useState<Fetch | null>(null);
  const view = useHighLevelSync(accountId, asked !== null);
  const toggle = useSetAssignmentSync(accountId);
  const refetch = useRefetchHighLevelUsers(accountId);
  const hydrated = useHydrated();
  const data = view.data;

  // The fetch was asked for: look until it answered (a new time or a new error), at most 30 s.
  useEffect(() => {
    if (!asked) return;
    if (data && (data.usersFetchedAt !== asked.usersFetchedAt || data.usersError !== asked.usersError)) setAsked(null);
    const timer = setTimeout(() => setAsked(null), 30_000);
    return () => clearTimeout(timer);
  }, [asked, data]);

  const error = toggle.error ?? refetch.error;
  return (
    <section className="mt-4 flex flex-col gap-2 text-sm" aria-label={`Assignment sync with HighLevel for ${label}`}>
      <h3 className="font-medium">Assignment in HighLevel</h3>
      <label className="flex items-center gap-2 pointer-coarse:min-h-11">
        <input
          type="checkbox"
          checked={data?.enabled ?? false}
          disabled={!hydrated || !data || toggle.isPending}
          onChange={(event) => toggle.mutate(event.target.checked)}
        />
        Sync assignment with HighLevel
      </label>
      <p className="text-xs text-text-muted">
        Assigning a conversation here assigns its contact in HighLevel, and HighLevel&apos;s assignments come back here;
        when both change, the later change wins and the timeline shows both. The token needs the contacts.write and
        users.readonly scopes. People are matched to HighLevel users by email; pick one below to change that.
      </p>
      {view.isError ? (
        <LoadError what="the sync settings" error={view.error} onRetry={() => void view.refetch()} />
      ) : null}
      {data && !data.tokenSet ? (
        <Notice tone="warning" className="text-xs">
          No HighLevel API token is stored: nothing is written to HighLevel until one is.
        </Notice>
      ) : null}
      {data ? (
        <div className="flex flex-wrap items-center gap-2 text-xs text-text-muted">
          <span data-testid="highlevel-users-status">
            {asked
              ? "Fetching HighLevel users…"
              : data.usersFetchedAt
                ? `HighLevel users fetched ${when(data.usersFetchedAt)}`
                : "HighLevel users not fetched yet"}
          </span>
          <Button
            variant="secondary"
            size="sm"
            disabled={!hydrated || !data.tokenSet || refetch.isPending || asked !== null}
            onClick={() =>
              refetch.mutate(undefined, {
                onSuccess: () => setAsked({ usersFetchedAt: data.usersFetchedAt, usersError: data.usersError }),
              })
            }
          >
            Fetch users from HighLevel
          </Button>
        </div>
      ) : null}
      {data?.usersError ? (
        <Notice tone="danger" role="alert" className="text-xs">
          Fetching HighLevel users: {data.usersError}
        </Notice>
      ) : null}
      {error ? (
        <p role="alert" className="text-danger">
          {error.message}
        </p>
      ) : null}
      {data ? <MemberLinks accountId={accountId} view={data} /> : null}
    </section>
  );
}
