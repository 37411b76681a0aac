import { randomUUID } from "node:crypto";

// The demo stand-in's "Upload file attachments" (POST /conversations/messages/upload): it reads
// the multipart form HighLevel's docs describe and answers as HighLevel does,
// `{ uploadedFiles: { <name>: <url> } }`. The file itself is not kept (the demo has nowhere to
// serve it from): what came is remembered, newest last, for a look in a debugger or a test.

export interface DemoUpload {
  conversationId: string | null;
  locationId: string | null;
  name: string;
  type: string;
  size: number;
  url: string;
}

const KEPT = 50;
/** The demo's latest uploads (at most 50), oldest first. */
export const demoUploads: DemoUpload[] = [];

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

export async function answerDemoUpload(body: unknown): Promise<Response> {
  const form = body instanceof FormData ? body : null;
  const file = form?.get("fileAttachment");
  const field = (name: string) => {
    const value = form?.get(name);
    return typeof value === "string" ? value : null;
  };
  const conversationId = field("conversationId");
  const locationId = field("locationId");
  if (!(file instanceof File) || !(conversationId || locationId))
    return json(400, { statusCode: 400, message: "fileAttachment and conversationId are required" });
  const url = `https://files.demo.threadline.example/${locationId ?? "location"}/${randomUUID()}/${encodeURIComponent(file.name)}`;
  demoUploads.push({ conversationId, locationId, name: file.name, type: file.type, size: file.size, url });
  demoUploads.splice(0, Math.max(0, demoUploads.length - KEPT));
  return json(200, { uploadedFiles: { [file.name]: url } });
}
