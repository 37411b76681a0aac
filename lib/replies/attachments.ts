import type { RootDb } from "@/lib/db/client";
import type { Viewer } from "@/lib/access/viewer";
import { getPrisma } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { readBodyBytes } from "@/lib/http/read-body";
import { takeHighLevelToken } from "@/lib/providers/highlevel/api/rate-limit";
import { replyChannelSchema } from "@/lib/vocabulary";
import { checkAttachment, formatFileSize, UPLOAD_MAX_BYTES } from "./attachment-limits";
import { replyableConversation } from "./create";
import { TOKEN_NEEDED } from "./options";
import { replyTransportFor } from "./transport";

// A file for a reply, uploaded through HighLevel's upload endpoint before the reply is sent: the
// composer posts each file here as it is attached, and sends the URLs with the reply. The channel's
// limits (./attachment-limits.ts) are checked before HighLevel is called; nothing reaches the
// customer until the person presses Send.

export interface UploadedAttachment {
  url: string;
  name: string;
  size: number;
  contentType: string;
}

// The form around one file is a few hundred bytes; anything past this is a file over every limit.
const MAX_FORM_BYTES = UPLOAD_MAX_BYTES + 64 * 1024;

/** A file name HighLevel and the thread can show: no path, no control characters, not endless. */
function cleanName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const base = (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return base.slice(-200) || "attachment";
}

async function readAttachmentForm(request: Request) {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data"))
    throw new HttpError(400, "send the file as multipart/form-data, in the field `file`");
  const bytes = await readBodyBytes(request, MAX_FORM_BYTES).catch((error: unknown) => {
    if (error instanceof HttpError && error.status === 413)
      throw new HttpError(413, `Files up to ${formatFileSize(UPLOAD_MAX_BYTES)} can be attached`);
    throw error;
  });
  const form = await new Response(new Uint8Array(bytes), { headers: { "content-type": type } }).formData().catch(() => {
    throw new HttpError(400, "the form could not be read; send one file in the field `file`");
  });
  const file = form.get("file");
  if (!(file instanceof File)) throw new HttpError(400, "no file: send one in the field `file`");
  const channel = replyChannelSchema.safeParse(form.get("channel"));
  if (!channel.success) throw new HttpError(400, "channel: the channel the reply is going on (sms, email, …)");
  return { file, channel: channel.data };
}

export async function uploadReplyAttachment(
  db: RootDb,
  viewer: Viewer,
  conversationId: string,
  request: Request,
): Promise<UploadedAttachment> {
  // Who may send here may attach: the same check (and words) as the send route.
  const conversation = await replyableConversation(db, viewer, conversationId);
  const { file, channel } = await readAttachmentForm(request);
  const name = cleanName(file.name);
  const check = checkAttachment(channel, { name, type: file.type, size: file.size });
  if (!check.ok) throw new HttpError(check.status, check.error);
  const transport = await replyTransportFor(db, conversation.accountId);
  if (!transport) throw new HttpError(409, TOKEN_NEEDED);
  const locationId = conversation.account.externalId;
  if (transport.kind === "highlevel") {
    const turn = await takeHighLevelToken(await getPrisma(), locationId);
    if (!turn.taken)
      throw new HttpError(
        503,
        `HighLevel's limit of requests for this location is used up; try again in ${Math.ceil(turn.waitMs / 1000)} s`,
        { "retry-after": String(Math.ceil(turn.waitMs / 1000)) },
      );
  }
  const answer = await transport.upload({
    conversationId: conversation.externalId,
    locationId,
    name,
    contentType: check.contentType,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  if (answer.kind === "refused")
    // A missing scope is the token's problem (409, as the send route says it); the rest is about the file.
    throw new HttpError(answer.status === 401 || answer.status === 403 ? 409 : 422, answer.reason);
  if (answer.kind === "failed") throw new HttpError(502, `The file was not uploaded: ${answer.reason}. Try again.`);
  return { url: answer.url, name, size: file.size, contentType: check.contentType };
}
