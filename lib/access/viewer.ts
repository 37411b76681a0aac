import { accountOfApiToken } from "@/lib/access/api-tokens/api-tokens";
import { getPrisma } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import type { ApiTokenScope } from "@/lib/vocabulary";
import { assertSameOrigin } from "@/lib/access/authentication/csrf";
import type { AccountScope } from "@/lib/access/scope";
import { mintScope } from "@/lib/access/scope-mint";
import { getAuth } from "@/lib/access/authentication/server";

// Who is asking: a signed-in person (session cookie) or an integration (API token), and
// which accounts that lets them read.

export type Viewer =
  | { kind: "user"; userId: string; email: string; name: string; isAdmin: boolean; scope: AccountScope }
  | { kind: "token"; tokenId: string; name: string; tokenScope: ApiTokenScope; scope: AccountScope };

/**
 * What a route's non-GET methods change, for API tokens: "team" (the default: assign, notes,
 * labels, settings…) is for people only; "send" (sending a reply, or deciding about one) is for
 * people and tokens made with the send scope.
 */
export type RouteWrite = "send" | "team";

export const READ_ONLY_TOKEN = "this API token can only read";
export const SEND_ONLY_TOKEN = "this API token can only read and send replies";

export async function userScope(userId: string, isAdmin: boolean): Promise<AccountScope> {
  if (isAdmin) return mintScope({ kind: "all" });
  const prisma = await getPrisma();
  const memberships = await prisma.membership.findMany({ where: { userId }, select: { accountId: true } });
  return mintScope({ kind: "accounts", accountIds: memberships.map((m) => m.accountId) });
}

/** The signed-in user of a request (cookie), or null. */
export async function sessionViewer(headers: Headers): Promise<Extract<Viewer, { kind: "user" }> | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const { user } = session;
  const isAdmin = Boolean(user.isAdmin);
  return {
    kind: "user",
    userId: user.id,
    email: user.email,
    name: user.name,
    isAdmin,
    scope: await userScope(user.id, isAdmin),
  };
}

// API tokens read: an integration that leaks its token must not be able to change anything
// (mark conversations read, retry events, invite, issue tokens). Refused here, in the one place
// a token becomes a viewer, so a new route cannot forget it: a route opts in to tokens that
// send, and only for sending ({ write: "send" } in authedRoute).
const TOKEN_METHODS = new Set(["GET", "HEAD"]);

function assertTokenMay(request: Request, tokenScope: ApiTokenScope, write: RouteWrite): void {
  if (TOKEN_METHODS.has(request.method)) return;
  if (tokenScope !== "send") throw new HttpError(403, READ_ONLY_TOKEN);
  if (write !== "send") throw new HttpError(403, SEND_ONLY_TOKEN);
}

/**
 * 401 unless the request is signed in or carries a valid API token; 403 for a cross-site state
 * change or a token that writes what its scope does not cover (`write`: what the route changes).
 */
export async function requireViewer(request: Request, write: RouteWrite = "team"): Promise<Viewer> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const [scheme, token] = authorization.split(/\s+/, 2);
    if (scheme?.toLowerCase() !== "bearer" || !token)
      throw new HttpError(401, "Authorization must be: Bearer <API token>");
    const holder = await accountOfApiToken(token);
    if (!holder) throw new HttpError(401, "invalid or revoked API token");
    assertTokenMay(request, holder.scope, write);
    return {
      kind: "token",
      tokenId: holder.tokenId,
      name: holder.name,
      tokenScope: holder.scope,
      scope: mintScope({ kind: "accounts", accountIds: [holder.accountId] }),
    };
  }
  const viewer = await sessionViewer(request.headers);
  if (!viewer) throw new HttpError(401, "sign in required");
  assertSameOrigin(request);
  return viewer;
}
