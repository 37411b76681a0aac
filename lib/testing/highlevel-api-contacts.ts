// The stand-in's contacts and users (lib/testing/highlevel-api.ts): GET /users/?locationId=…
// answers the location's users as "Get User by Location" does, PUT /contacts/{id} accepts an
// update as "Update Contact" does and records it. A test queues other answers (a 429, a 401).

/** An answer as the stand-in sends it (the same shape as its StubAnswer, without importing it: no cycle). */
interface StubAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ContactsStandIn {
  /** Each location's users, as GET /users/ answers them. */
  users: Map<string, unknown[]>;
  /** Answers to give the next PUT /contacts/{id}, in order, instead of accepting it. */
  updateQueue: StubAnswer[];
  /** The contact updates accepted, in order. */
  updates: Array<{ contactId: string; body: unknown }>;
  reset(): void;
}

export function contactsStandIn(): ContactsStandIn {
  const state: ContactsStandIn = {
    users: new Map(),
    updateQueue: [],
    updates: [],
    reset() {
      state.users.clear();
      state.updateQueue.length = 0;
      state.updates.length = 0;
    },
  };
  return state;
}

const UNAUTHORIZED: StubAnswer = { status: 401, body: { statusCode: 401, message: "Invalid JWT" } };
const CONTACT = /^\/contacts\/([^/]+)$/;

/** The answer to a users or contact request; null when the request is neither. */
export function answerContacts(
  state: ContactsStandIn,
  request: { method: string; url: URL; authorization: string | undefined; body: unknown },
): StubAnswer | null {
  const { method, url, authorization, body } = request;
  const bearer = authorization?.startsWith("Bearer ") ?? false;
  if (method === "GET" && (url.pathname === "/users/" || url.pathname === "/users")) {
    if (!bearer) return UNAUTHORIZED;
    const locationId = url.searchParams.get("locationId");
    if (!locationId) return { status: 422, body: { statusCode: 422, message: ["locationId should not be empty"] } };
    return { status: 200, body: { users: state.users.get(locationId) ?? [] } };
  }
  const contact = method === "PUT" ? CONTACT.exec(url.pathname) : null;
  if (!contact) return null;
  const queued = state.updateQueue.shift();
  if (queued) return queued;
  if (!bearer) return UNAUTHORIZED;
  const contactId = decodeURIComponent(contact[1] ?? "");
  state.updates.push({ contactId, body });
  const fields = body && typeof body === "object" ? body : {};
  return { status: 200, body: { succeded: true, contact: { id: contactId, ...fields } } };
}
