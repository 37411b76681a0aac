import { scopeIncludes, type AccountScope } from "@/lib/access/scope";
import { isAccountOwner } from "@/lib/access/people/memberships";
import type { Viewer } from "@/lib/access/viewer";
import type { Db } from "@/lib/db/client";
import { HttpError, NotFoundError } from "@/lib/http/errors";
import { countMatching } from "@/lib/inbox/matching-count";
import { conversationListQuerySchema, searchParamsToObject } from "@/lib/inbox/validations";
import { readerOf } from "@/lib/triage/read-state";
import type { SavedViewInput } from "@/lib/team/validations";

// Saved views: the list's filters and search under a name, a person's own or shared with the
// team of one account. What a view shows is decided when it is read, in the reader's scope: a
// shared view never shows anyone more than they may read, and a view whose account the person
// left is no longer theirs to see.

export interface SavedViewRow {
  id: string;
  name: string;
  /** The list's URL query, e.g. `view=mine&channel=sms`. */
  query: string;
  shared: boolean;
  accountId: string | null;
  mine: boolean;
  /** Conversations it lists now, capped (MATCH_COUNT_CAP). */
  count: number;
}

type People = Extract<Viewer, { kind: "user" }>;

/** The list's own parameters, validated the same way (a stored query is read as untrusted as a URL). */
export function parseViewQuery(query: string) {
  return conversationListQuerySchema.safeParse(searchParamsToObject(new URLSearchParams(query), ["channel"]));
}

/** Keeps the filters only: paging and the open conversation are not part of a view. */
export function normaliseViewQuery(query: string): string {
  const params = new URLSearchParams(query);
  for (const key of [...params.keys()]) if (!VIEW_KEYS.has(key)) params.delete(key);
  params.sort();
  return params.toString();
}
const VIEW_KEYS = new Set(["view", "state", "channel", "direction", "unread", "q", "account", "label"]);

function visibleTo(viewer: People, scope: AccountScope) {
  const shared = scope.kind === "all" ? { shared: true } : { shared: true, accountId: { in: [...scope.accountIds] } };
  return { OR: [{ userId: viewer.userId }, shared] };
}

export async function listSavedViews(db: Db, scope: AccountScope, viewer: People): Promise<SavedViewRow[]> {
  const views = await db.savedView.findMany({
    where: visibleTo(viewer, scope),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 100,
  });
  return Promise.all(
    views.map(async (view) => {
      const parsed = parseViewQuery(view.query);
      return {
        id: view.id,
        name: view.name,
        query: view.query,
        shared: view.shared,
        accountId: view.accountId,
        mine: view.userId === viewer.userId,
        count: parsed.success ? await countMatching(db, scope, parsed.data, readerOf(viewer)) : 0,
      };
    }),
  );
}

export async function createSavedView(
  db: Db,
  scope: AccountScope,
  viewer: People,
  input: SavedViewInput,
): Promise<{ id: string }> {
  const query = normaliseViewQuery(input.query);
  const parsed = parseViewQuery(query);
  if (!parsed.success) throw new HttpError(400, `query: ${parsed.error.issues[0]?.message ?? "not a list query"}`);
  const accountId = input.shared ? (input.accountId ?? parsed.data.account ?? null) : (input.accountId ?? null);
  if (input.shared && !accountId) throw new HttpError(400, "a shared view needs the account whose team sees it");
  if (accountId && !scopeIncludes(scope, accountId)) throw new NotFoundError("account");
  const view = await db.savedView.create({
    data: { userId: viewer.userId, accountId, name: input.name, query, shared: input.shared },
    select: { id: true },
  });
  return view;
}

/** Its person deletes a view; a shared one also an owner of its account. */
export async function deleteSavedView(db: Db, scope: AccountScope, viewer: People, id: string): Promise<void> {
  const view = await db.savedView.findFirst({ where: { id, ...visibleTo(viewer, scope) } });
  if (!view) throw new NotFoundError("saved view");
  const mayDelete =
    view.userId === viewer.userId ||
    (view.shared &&
      view.accountId !== null &&
      scopeIncludes(scope, view.accountId) &&
      (await isAccountOwner(viewer, view.accountId)));
  if (!mayDelete) throw new HttpError(403, "only its author or an owner of its account can delete a shared view");
  // deleteMany: a second Delete of the same view at the same moment finds nothing left to delete
  // (404), where delete() failed it as a 500 (P2025; the write-route fuzz's concurrent cases).
  const { count } = await db.savedView.deleteMany({ where: { id } });
  if (count === 0) throw new NotFoundError("saved view");
}
