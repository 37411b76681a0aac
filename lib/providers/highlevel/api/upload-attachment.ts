import { z } from "zod";
import { highLevelApiUrl } from "./client";
import { SCOPE_MISSING, SEND_API_VERSION } from "./send-message";

// HighLevel's "Upload file attachments" (POST /conversations/messages/upload, API 2.0): a
// multipart form with the conversation (`conversationId`), the location (`locationId`) and the
// file under `fileAttachment`; HighLevel answers `{ uploadedFiles: { <file name>: <url> } }`, and
// a message carries the URL in its `attachments`. Uploading sends nothing to the customer, so a
// failure is simply reported to the person, who may try again.

const TIMEOUT_MS = 30_000;

export interface UploadAttachmentRequest {
  /** HighLevel's id of the conversation. */
  conversationId: string;
  locationId: string;
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

export type UploadAnswer =
  | { kind: "uploaded"; url: string }
  /** HighLevel refused it (4xx), with words for the person. */
  | { kind: "refused"; status: number; reason: string }
  /** No answer, a 5xx or one that does not read: try again later. */
  | { kind: "failed"; reason: string };

const answerSchema = z.object({ uploadedFiles: z.record(z.string(), z.string()) });
const errorSchema = z.object({ message: z.union([z.string(), z.array(z.string())]).optional() });

const isWebUrl = (value: string) => {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/** The multipart form HighLevel's docs describe, for one file. */
export function uploadAttachmentForm(request: UploadAttachmentRequest): FormData {
  const form = new FormData();
  form.append("conversationId", request.conversationId);
  form.append("locationId", request.locationId);
  form.append("fileAttachment", new Blob([new Uint8Array(request.bytes)], { type: request.contentType }), request.name);
  return form;
}

function refusal(status: number, body: unknown): string {
  if (status === 401 || status === 403) return SCOPE_MISSING;
  const parsed = errorSchema.safeParse(body);
  const message = parsed.success ? [parsed.data.message ?? []].flat().join("; ") : "";
  return message ? message.slice(0, 300) : `HighLevel refused the file (${status})`;
}

/** `send` carries the request: fetch to HIGHLEVEL_API_URL, or the demo's in-process stand-in. */
export async function uploadHighLevelAttachment(
  token: string,
  request: UploadAttachmentRequest,
  send: typeof fetch = fetch,
): Promise<UploadAnswer> {
  const init: RequestInit = {
    method: "POST",
    // No Content-Type: fetch writes multipart/form-data with its boundary.
    headers: { Authorization: `Bearer ${token}`, Version: SEND_API_VERSION, Accept: "application/json" },
    body: uploadAttachmentForm(request),
    redirect: "error",
    signal: AbortSignal.timeout(TIMEOUT_MS),
  };
  const response = await send(`${highLevelApiUrl()}/conversations/messages/upload`, init).catch(
    (error: unknown) => error as Error,
  );
  if (response instanceof Error)
    return {
      kind: "failed",
      reason: response.name === "TimeoutError" ? "HighLevel did not answer in time" : "HighLevel could not be reached",
    };
  const body: unknown = await response.json().catch(() => null);
  if (response.status >= 400 && response.status < 500)
    return { kind: "refused", status: response.status, reason: refusal(response.status, body) };
  if (!response.ok) return { kind: "failed", reason: `HighLevel answered ${response.status}` };
  const parsed = answerSchema.safeParse(body);
  const url = parsed.success
    ? (parsed.data.uploadedFiles[request.name] ?? Object.values(parsed.data.uploadedFiles)[0])
    : null;
  if (!url || !isWebUrl(url)) return { kind: "failed", reason: "HighLevel's answer did not give the file's address" };
  return { kind: "uploaded", url };
}
