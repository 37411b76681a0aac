import { HttpError, NotFoundError } from "@/lib/http/errors";
import { isAccountOwner } from "@/lib/access/people/memberships";
import { scopeIncludes } from "@/lib/access/scope";
import type { Viewer } from "@/lib/access/viewer";

/** Owner-only actions (invite, API tokens): people only, never a token; outside scope is 404. */
export async function requireAccountOwner(
  viewer: Viewer,
  accountId: string,
): Promise<Extract<Viewer, { kind: "user" }>> {
  if (viewer.kind !== "user") throw new HttpError(403, "API tokens can read; only a signed-in owner can do this");
  if (!scopeIncludes(viewer.scope, accountId)) throw new NotFoundError("account");
  if (!(await isAccountOwner(viewer, accountId))) throw new HttpError(403, "only an owner of this account can do this");
  return viewer;
}
