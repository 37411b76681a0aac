import type http from "node:http";
import type { StubAnswer } from "./highlevel-api-answer";

// The stand-in's "Upload file attachments" (POST /conversations/messages/upload): it reads the
// multipart form as HighLevel would, records exactly what came (each field, the file's name, type
// and bytes), and answers as HighLevel's docs do: `{ uploadedFiles: { <name>: <url> } }`.

export const UPLOAD_PATH = "/conversations/messages/upload";

export interface SeenUpload {
  authorization: string | undefined;
  version: string | undefined;
  contentType: string | undefined;
  /** The form's field names, in order. */
  fields: string[];
  conversationId: string | null;
  locationId: string | null;
  file: { name: string; type: string; size: number; bytes: Buffer } | null;
  /** The URL it answered, when it accepted the file. */
  url: string | null;
}

let uploads = 0;

async function readForm(req: http.IncomingMessage): Promise<FormData | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  try {
    return await new Response(body, { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData();
  } catch {
    return null;
  }
}

/** Records the upload and answers it (a queued answer first, e.g. a 401). */
export async function answerUpload(
  req: http.IncomingMessage,
  stub: { uploads: SeenUpload[]; uploadQueue: StubAnswer[] },
): Promise<StubAnswer> {
  const form = await readForm(req);
  const file = form?.get("fileAttachment");
  const text = (name: string) => {
    const value = form?.get(name);
    return typeof value === "string" ? value : null;
  };
  const seen: SeenUpload = {
    authorization: req.headers.authorization,
    version: req.headers.version as string | undefined,
    contentType: req.headers["content-type"],
    fields: form ? [...form.keys()] : [],
    conversationId: text("conversationId"),
    locationId: text("locationId"),
    file:
      file instanceof File
        ? { name: file.name, type: file.type, size: file.size, bytes: Buffer.from(await file.arrayBuffer()) }
        : null,
    url: null,
  };
  stub.uploads.push(seen);
  const queued = stub.uploadQueue.shift();
  if (queued) return queued;
  if (!req.headers.authorization?.startsWith("Bearer "))
    return { status: 401, body: { statusCode: 401, message: "Invalid JWT" } };
  if (!seen.file || !(seen.conversationId || seen.locationId))
    return { status: 400, body: { statusCode: 400, message: "fileAttachment and conversationId are required" } };
  seen.url = `https://storage.stand-in.example/msgsndr/${seen.locationId}/media/${++uploads}/${encodeURIComponent(seen.file.name)}`;
  return { status: 200, body: { uploadedFiles: { [seen.file.name]: seen.url } } };
}
