import { rangeResponse } from "@/lib/http/byte-range";
import { HttpError } from "@/lib/http/errors";
import { mediaCredentialsOf } from "./account-credentials";
import { fetchRemoteMedia, MediaFetchError } from "./safe-fetch";
import { DEMO_MEDIA_PREFIX, demoMediaBytes, demoMediaType } from "./demo-media";

// What the media route answers for one attachment. Whatever the remote host claims, only
// audio, video and raster images are served as themselves; anything else (HTML, SVG, …) is a
// download, and the answer carries a sandboxing CSP, so media can never script our origin.

const INLINE_TYPES = /^(audio|video)\/[\w.+-]+$|^image\/(png|jpe?g|gif|webp|avif|bmp)$/i;

function safeHeaders(contentType: string | null): Record<string, string> {
  const type = contentType?.split(";")[0]?.trim() ?? "";
  const inline = INLINE_TYPES.test(type);
  return {
    "content-type": inline ? type : "application/octet-stream",
    ...(inline ? {} : { "content-disposition": "attachment" }),
    "content-security-policy": "default-src 'none'; sandbox",
    "cache-control": "private, max-age=3600",
    "accept-ranges": "bytes",
  };
}

export async function mediaResponse(
  request: Request,
  attachment: { url: string; accountId: string },
): Promise<Response> {
  if (attachment.url.startsWith(DEMO_MEDIA_PREFIX)) {
    const demo = await demoMediaBytes(attachment.url);
    if (!demo) throw new HttpError(404, "no such demo recording");
    return rangeResponse(request, demo, demoMediaType(attachment.url), { "cache-control": "private, max-age=86400" });
  }
  try {
    const media = await fetchRemoteMedia(attachment.url, {
      range: request.headers.get("range"),
      credentials: await mediaCredentialsOf(attachment.accountId),
      maxBytes: Number(process.env.MEDIA_FETCH_MAX_BYTES) || undefined,
      timeoutMs: Number(process.env.MEDIA_FETCH_TIMEOUT_MS) || undefined,
    });
    const headers: Record<string, string> = safeHeaders(media.headers.contentType);
    if (media.headers.contentLength) headers["content-length"] = media.headers.contentLength;
    if (media.headers.contentRange) headers["content-range"] = media.headers.contentRange;
    return new Response(media.body, { status: media.status, headers });
  } catch (error) {
    if (error instanceof MediaFetchError) throw new HttpError(error.status, error.message);
    throw error;
  }
}
