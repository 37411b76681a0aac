"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bookmark, X } from "lucide-react";
import { useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { callRoute } from "@/components/api/call-route";
import { useReadableAccounts } from "@/components/inbox-data/queries";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { deleteSavedViewRoute, saveViewRoute, savedViewsRoute } from "@/lib/contracts/team";

// Saved views in the sidebar: the list's filters and search under a name, with the count of what
// each lists now (refreshed with the lists: the key lives under "conversations"). `g v` focuses the
// first; each is a link, so it opens in a new tab or is shared like any view.

const KEY = ["conversations", "saved-views"] as const;
/** Those the list's URL carries that a view keeps (not the open conversation, not paging). */
const VIEW_KEYS = ["view", "state", "channel", "direction", "unread", "q", "account", "label"];
export const SAVED_VIEW_ATTRIBUTE = "data-saved-view";

function currentViewQuery(search: URLSearchParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of search) if (VIEW_KEYS.includes(key)) params.append(key, value);
  params.sort();
  return params.toString();
}

export function SavedViews() {
  const queryClient = useQueryClient();
  const router = useRouter();
  const search = useSearchParams();
  const accounts = useReadableAccounts();
  const views = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => callRoute(savedViewsRoute, {}, { signal }),
    select: (answer) => answer.views,
  });
  const [naming, setNaming] = useState(false);
  const current = currentViewQuery(search);
  const account = search.get("account") ?? (accounts.data?.length === 1 ? accounts.data[0]!.id : null);
  const save = useMutation({
    mutationFn: (input: { name: string; shared: boolean }) =>
      callRoute(saveViewRoute, {
        body: { ...input, query: current, ...(input.shared && account ? { accountId: account } : {}) },
      }),
    onSuccess: () => setNaming(false),
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => callRoute(deleteSavedViewRoute, { params: { id } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate({ name: String(form.get("name") ?? ""), shared: form.get("shared") === "on" });
  };

  return (
    <div className="space-y-1">
      {views.data && views.data.length > 0 && (
        <nav aria-label="Saved views">
          <ul className="flex flex-wrap gap-1">
            {views.data.map((view) => (
              <li key={view.id} className="inline-flex items-center">
                <a
                  href={`/?${view.query}`}
                  {...{ [SAVED_VIEW_ATTRIBUTE]: "" }}
                  aria-current={view.query === current ? "page" : undefined}
                  onClick={(event) => {
                    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                    event.preventDefault();
                    router.push(`/?${view.query}`);
                  }}
                  className={cn(
                    "inline-flex items-center gap-1.5 rounded-control px-2 py-1 text-xs font-medium",
                    "pointer-coarse:min-h-11 focus-visible:outline-2 focus-visible:outline-focus",
                    view.query === current ? "bg-accent-soft text-accent" : "text-text hover:bg-surface-hover",
                  )}
                >
                  <Bookmark className="size-3" aria-hidden />
                  {view.name}
                  {view.shared && <span className="sr-only"> (shared)</span>}
                  <span className="min-w-5 rounded-full bg-surface-hover px-1 text-center text-[11px] tabular-nums text-text-muted">
                    {view.count > 1_000 ? "1,000+" : view.count.toLocaleString()}
                  </span>
                </a>
                {view.mine && (
                  <button
                    type="button"
                    aria-label={`Delete view ${view.name}`}
                    onClick={() => remove.mutate(view.id)}
                    className="rounded-control p-1 text-text-muted hover:bg-surface-hover focus-visible:outline-2 focus-visible:outline-focus pointer-coarse:min-h-11 pointer-coarse:min-w-11"
                  >
                    <X className="size-3" aria-hidden />
                  </button>
                )}
              </li>
            ))}
          </ul>
        </nav>
      )}
      {naming ? (
        <form onSubmit={submit} aria-label="Save this view" className="flex flex-wrap items-center gap-2 text-xs">
          <Input
            name="name"
            required
            maxLength={60}
            aria-label="View name"
            placeholder="Name, e.g. Billing SMS"
            className="min-w-0 flex-1 py-1"
          />
          {account && (
            <label className="inline-flex items-center gap-1 text-text">
              <input type="checkbox" name="shared" /> Share with the team
            </label>
          )}
          <Button type="submit" size="sm" disabled={save.isPending}>
            Save
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setNaming(false)}>
            Cancel
          </Button>
          {save.isError && (
            <p role="alert" className="w-full text-danger">
              {save.error.message}
            </p>
          )}
        </form>
      ) : (
        current !== "" &&
        !views.data?.some((view) => view.query === current) && (
          <Button variant="link" size="sm" className="gap-1 text-text-muted" onClick={() => setNaming(true)}>
            <Bookmark className="size-3" aria-hidden /> Save view
          </Button>
        )
      )}
    </div>
  );
}
