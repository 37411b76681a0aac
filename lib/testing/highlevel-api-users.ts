// The stand-in's "Get User" (GET /users/{userId}; lib/testing/highlevel-api.ts): the user object
// itself, found among the users a test gave any location (ContactsStandIn.users); an id no
// location has is a 404, as for a user HighLevel does not know. A test queues other answers with
// the stand-in's `queue` (a 429, a 401).

/** An answer as the stand-in sends it (its StubAnswer's shape, without importing it: no cycle). */
interface StubAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const USER = /^\/users\/([^/]+)$/;

export function answerUser(
  users: Map<string, unknown[]>,
  request: { method: string; url: URL; authorization: string | undefined },
): StubAnswer | null {
  const match = request.method === "GET" ? USER.exec(request.url.pathname) : null;
  if (!match) return null;
  if (!request.authorization?.startsWith("Bearer "))
    return { status: 401, body: { statusCode: 401, message: "Invalid JWT" } };
  const userId = decodeURIComponent(match[1] ?? "");
  for (const list of users.values())
    for (const user of list) if ((user as { id?: unknown }).id === userId) return { status: 200, body: user };
  return { status: 404, body: { statusCode: 404, message: "User not found" } };
}
