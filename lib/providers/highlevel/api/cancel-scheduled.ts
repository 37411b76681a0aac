import { z } from "zod";
import { highLevelUrl } from "./client";
import { SCOPE_MISSING, SEND_API_VERSION } from "./send-message";

// HighLevel's "Cancel a scheduled message" (DELETE /conversations/messages/{messageId}/schedule,
// Version 2021-04-15) and, for an email, "Cancel a scheduled email message"
// (DELETE /conversations/messages/email/{emailMessageId}/schedule, Version v3), both with the
// conversations/message.write scope. Cancelling twice is harmless, so a person may simply try
// again; it is made once here and never retried by itself.

const TIMEOUT_MS = 15_000;
/** The `Version` HighLevel's docs give the email cancel endpoint. */
export const EMAIL_CANCEL_API_VERSION = "v3";

export type CancelAnswer =
  | { kind: "cancelled" }
  /** HighLevel says no: it has no such scheduled message (gone out already, or cancelled there). */
  | { kind: "refused"; reason: string }
  /** No answer that says either way: it is still scheduled as far as we know. */
  | { kind: "unreachable"; reason: string };

// HighLevel documents its answer as `{ status, message }`, and its own example of a 200 carries
// `status: 404, "Failed cancel the scheduled message"`: the body's status decides, not only HTTP's.
const answerSchema = z.looseObject({
  status: z.number().optional(),
  message: z.union([z.string(), z.array(z.string())]).optional(),
});

const wordsOf = (body: unknown) => {
  const parsed = answerSchema.safeParse(body);
  return parsed.success ? [parsed.data.message ?? []].flat().join("; ").slice(0, 300) : "";
};

export async function cancelHighLevelSchedule(
  token: string,
  target: { messageId: string; emailMessageId: string | null },
): Promise<CancelAnswer> {
  const email = target.emailMessageId !== null;
  const path = email
    ? `/conversations/messages/email/${encodeURIComponent(target.emailMessageId ?? "")}/schedule`
    : `/conversations/messages/${encodeURIComponent(target.messageId)}/schedule`;
  let response: Response;
  try {
    response = await fetch(highLevelUrl(path), {
      method: "DELETE",
      headers: {
        Authorization: `Bearer ${token}`,
        Version: email ? EMAIL_CANCEL_API_VERSION : SEND_API_VERSION,
        Accept: "application/json",
      },
      redirect: "error",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError";
    return {
      kind: "unreachable",
      reason: timedOut ? "HighLevel did not answer in time" : "HighLevel could not be reached",
    };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 401 || response.status === 403) return { kind: "refused", reason: SCOPE_MISSING };
  if (response.status === 429 || response.status >= 500)
    return { kind: "unreachable", reason: `HighLevel answered ${response.status}` };
  const parsed = answerSchema.safeParse(body);
  const bodyStatus = parsed.success ? parsed.data.status : undefined;
  if (response.ok && (bodyStatus === undefined || bodyStatus < 400)) return { kind: "cancelled" };
  return {
    kind: "refused",
    reason: wordsOf(body) || `HighLevel could not cancel it (${bodyStatus ?? response.status})`,
  };
}
