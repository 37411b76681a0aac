import { z } from "zod";
import type { ReplyChannel } from "@/lib/vocabulary";
import { highLevelApiUrl } from "./client";

// HighLevel's "Send a new message" (POST /conversations/messages, API 2.0): the request for each
// channel, and its answer sorted into what it means for a send that must never go out twice. The
// call is made once and never retried here: whether to try again is the caller's, and only when
// the request certainly did not go out (a 429, a refused connection).

/** The `Version` header HighLevel's docs give for the conversations endpoints. */
export const SEND_API_VERSION = "2021-04-15";
const TIMEOUT_MS = 15_000;

/** HighLevel's message type per channel we can reply on; calls and voicemails are not replies. */
export const HIGHLEVEL_SEND_TYPES = {
  sms: "SMS",
  email: "Email",
  whatsapp: "WhatsApp",
  facebook: "FB",
  instagram: "IG",
  live_chat: "Live_Chat",
  gmb: "GMB",
} as const satisfies Record<ReplyChannel, string>;

export interface SendMessageRequest {
  channel: ReplyChannel;
  contactId: string;
  /** The text exactly as the person typed it. */
  text: string;
  /** Email only. */
  email?: {
    subject: string;
    html: string;
    to: string[];
    cc: string[];
    bcc: string[];
    replyMessageId: string | null;
    threadId: string | null;
  };
  /** Send later: HighLevel holds the message until then (its `scheduledTimestamp`, UTC seconds). */
  scheduledAt?: Date | null;
  /** WhatsApp outside the 24-hour window: the approved template to send instead of `text`. */
  templateId?: string | null;
  /** URLs HighLevel's upload endpoint answered (./upload-attachment.ts), sent as the message's `attachments`. */
  attachments?: string[];
}

// What any message may carry besides its content: its files, and Send later's time.
const extras = (request: SendMessageRequest) => ({
  ...(request.attachments?.length ? { attachments: request.attachments } : {}),
  ...(request.scheduledAt ? { scheduledTimestamp: Math.floor(request.scheduledAt.getTime() / 1000) } : {}),
});

/** The JSON body HighLevel wants for one message. */
export function sendMessageBody(request: SendMessageRequest): Record<string, unknown> {
  const type = HIGHLEVEL_SEND_TYPES[request.channel];
  if (request.templateId)
    return { type, contactId: request.contactId, templateId: request.templateId, ...extras(request) };
  if (request.channel !== "email" || !request.email)
    return { type, contactId: request.contactId, message: request.text, ...extras(request) };
  const { subject, html, to, cc, bcc, replyMessageId, threadId } = request.email;
  return {
    type,
    contactId: request.contactId,
    subject,
    html,
    message: request.text,
    emailTo: to[0],
    // Arrays of addresses in HighLevel's docs; left out when empty.
    ...(cc.length > 0 ? { emailCc: cc } : {}),
    ...(bcc.length > 0 ? { emailBcc: bcc } : {}),
    ...(replyMessageId ? { replyMessageId } : {}),
    ...(threadId ? { threadId } : {}),
    ...extras(request),
  };
}

export type SendAnswer =
  /** HighLevel took it. */
  | { kind: "accepted"; messageId: string; conversationId: string | null; emailMessageId: string | null }
  /** Certainly not sent: HighLevel's rate limit. */
  | { kind: "rate-limited"; retryAfterSeconds: number | null }
  /** Certainly not sent: the connection was refused before any request went out. */
  | { kind: "not-sent"; reason: string }
  /** HighLevel refused it (4xx): it was not sent, and sending the same again will not help. */
  | { kind: "refused"; status: number; reason: string }
  /** It may have gone out: a 5xx, a timeout, an answer that does not read. */
  | { kind: "unknown"; reason: string };

const acceptedSchema = z.object({
  messageId: z.string().min(1),
  conversationId: z.string().nullish(),
  /** Email only: the id HighLevel's email endpoints (cancelling a scheduled email) take. */
  emailMessageId: z.string().nullish(),
});
const errorSchema = z.object({ message: z.union([z.string(), z.array(z.string())]).optional() });

export const SCOPE_MISSING =
  "Your HighLevel token can't send messages — add the conversations/message.write scope in Settings";

function refusalReason(status: number, body: unknown): string {
  if (status === 401 || status === 403) return SCOPE_MISSING;
  if (status === 404) return "HighLevel has no such contact any more (404): it may have been deleted there";
  const parsed = errorSchema.safeParse(body);
  const message = parsed.success ? [parsed.data.message ?? []].flat().join("; ") : "";
  // HighLevel's own words (e.g. "The contact has opted out of SMS"), cut to a line.
  return message ? message.slice(0, 300) : `HighLevel refused the message (${status})`;
}

const refusedConnection = (error: unknown) =>
  ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"].includes(
    ((error as { cause?: { code?: string } }).cause?.code ?? "") as string,
  );

/**
 * `send` is what carries the request: fetch, to HIGHLEVEL_API_URL; the demo passes its in-process
 * stand-in (lib/demo/highlevel-stand-in.ts), whose answers go through the same reading below.
 */
export async function sendHighLevelMessage(
  token: string,
  request: SendMessageRequest,
  send: typeof fetch = fetch,
): Promise<SendAnswer> {
  let response: Response;
  try {
    response = await send(`${highLevelApiUrl()}/conversations/messages`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${token}`,
        Version: SEND_API_VERSION,
        Accept: "application/json",
        "Content-Type": "application/json",
      },
      body: JSON.stringify(sendMessageBody(request)),
      redirect: "error",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    if (refusedConnection(error)) return { kind: "not-sent", reason: "HighLevel could not be reached" };
    const timedOut = (error as Error).name === "TimeoutError";
    return {
      kind: "unknown",
      reason: timedOut ? "HighLevel did not answer in time" : "the connection to HighLevel broke",
    };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.status === 429)
    return { kind: "rate-limited", retryAfterSeconds: Number(response.headers.get("retry-after")) || null };
  if (response.status >= 400 && response.status < 500)
    return { kind: "refused", status: response.status, reason: refusalReason(response.status, body) };
  if (!response.ok) return { kind: "unknown", reason: `HighLevel answered ${response.status}` };
  const accepted = acceptedSchema.safeParse(body);
  if (!accepted.success) return { kind: "unknown", reason: "HighLevel's answer did not say which message it made" };
  return {
    kind: "accepted",
    messageId: accepted.data.messageId,
    conversationId: accepted.data.conversationId ?? null,
    emailMessageId: accepted.data.emailMessageId ?? null,
  };
}
