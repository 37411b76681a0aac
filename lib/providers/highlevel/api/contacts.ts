import { z } from "zod";
import { HIGHLEVEL_API_VERSION, HighLevelApiError, highLevelGet, highLevelUrl } from "./client";

// HighLevel's "Update Contact" (PUT /contacts/{contactId}, API 2.0) for the one field Threadline
// writes, `assignedTo` (a HighLevel user id, or null to unassign: the docs mark it nullable), and
// "Get User by Location" (GET /users/?locationId=…) to link Threadline's people to HighLevel's.
// A PUT of the same value is the same contact: it is safe to send again, so any answer that is not
// a refusal may be retried by the caller.

const TIMEOUT_MS = 15_000;

export type ContactUpdateAnswer =
  | { kind: "updated" }
  /** HighLevel's rate limit: try again after Retry-After. */
  | { kind: "rate-limited"; retryAfterSeconds: number | null }
  /** No answer, or a 5xx: try again later. */
  | { kind: "unavailable"; reason: string }
  /** HighLevel refused it (4xx): the same request will not work later. */
  | { kind: "refused"; status: number | null; reason: string };

const errorSchema = z.object({ message: z.union([z.string(), z.array(z.string())]).optional() });

function refusal(status: number, body: unknown): string {
  if (status === 401) return "HighLevel refused the token (401): it is wrong, revoked or expired";
  if (status === 403) return "the HighLevel token may not change contacts (403): it needs the contacts.write scope";
  if (status === 404) return "HighLevel has no such contact (404): it may have been deleted there";
  const parsed = errorSchema.safeParse(body);
  const message = parsed.success ? [parsed.data.message ?? []].flat().join("; ") : "";
  return message
    ? `HighLevel refused the change (${status}): ${message.slice(0, 200)}`
    : `HighLevel refused the change (${status})`;
}

/** Sets (or clears, with null) the HighLevel user a contact is assigned to. One request, no retries. */
export async function updateContactAssignee(
  token: string,
  contactId: string,
  assignedTo: string | null,
): Promise<ContactUpdateAnswer> {
  let url: URL;
  try {
    url = highLevelUrl(`/contacts/${encodeURIComponent(contactId)}`);
  } catch (error) {
    return { kind: "refused", status: null, reason: (error as Error).message };
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method: "PUT",
      headers: {
        Authorization: `Bearer ${token}`,
        Version: HIGHLEVEL_API_VERSION,
        Accept: "application/json",
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ assignedTo }),
      redirect: "error",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError";
    return {
      kind: "unavailable",
      reason: timedOut ? "HighLevel did not answer in time" : "HighLevel could not be reached",
    };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { kind: "updated" };
  if (response.status === 429)
    return { kind: "rate-limited", retryAfterSeconds: Number(response.headers.get("retry-after")) || null };
  if (response.status >= 500) return { kind: "unavailable", reason: `HighLevel answered ${response.status}` };
  return { kind: "refused", status: response.status, reason: refusal(response.status, body) };
}

const userSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  email: z.string().nullish(),
  deleted: z.boolean().nullish(),
});
const usersAnswerSchema = z.looseObject({ users: z.array(z.unknown()) });

export interface HighLevelUser {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}

/**
 * The location's users. "Search Users" (GET /users/search), which the docs now prefer, needs the
 * agency's companyId, which a location's token does not know; this one needs only the location.
 * 429 and 5xx are retried here a few times (highLevelGet); what still fails throws HighLevelApiError.
 */
export async function fetchLocationUsers(token: string, locationId: string): Promise<HighLevelUser[]> {
  const answer = usersAnswerSchema.safeParse(
    await highLevelGet({ token, path: `/users/?locationId=${encodeURIComponent(locationId)}` }),
  );
  if (!answer.success) throw new HighLevelApiError("HighLevel's list of users did not read as one", 200);
  const users: HighLevelUser[] = [];
  for (const item of answer.data.users) {
    const user = userSchema.safeParse(item);
    if (!user.success || user.data.deleted) continue;
    const [first, ...rest] = (user.data.name ?? "").trim().split(/\s+/);
    users.push({
      id: user.data.id,
      firstName: user.data.firstName ?? (first || null),
      lastName: user.data.lastName ?? (rest.join(" ") || null),
      email: user.data.email ?? null,
    });
  }
  return users;
}
