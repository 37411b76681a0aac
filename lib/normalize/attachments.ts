import type { AttachmentFacts } from "@/lib/ingest/operations";
import { DEMO_MEDIA_PREFIX } from "@/lib/media/tone-wav";

/**
 * Whether the page can play or show an attachment: an http(s) URL, or the app's own media.
 * Anything else (the docs' "call recording url") is kept but shown as unavailable.
 */
export function isPlayableUrl(url: string): boolean {
  if (url.startsWith(DEMO_MEDIA_PREFIX) && !url.includes("..")) return true;
  try {
    const { protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

const BY_EXTENSION: Array<[RegExp, AttachmentFacts["kind"]]> = [
  [/\.(png|jpe?g|gif|webp|bmp|svg|heic)$/i, "image"],
  [/\.(mp3|wav|ogg|oga|m4a|aac|amr|opus|weba)$/i, "audio"],
  [/\.(mp4|mov|webm|3gp|m4v)$/i, "video"],
];

/** What an attachment is, from the message it came with and, failing that, its file name. */
export function attachmentKind(url: string, context: "call" | "voicemail" | "other"): AttachmentFacts["kind"] {
  if (context === "voicemail") return "voicemail";
  if (context === "call") return "recording";
  let pathname = url;
  try {
    pathname = new URL(url).pathname;
  } catch {
    // not a URL: judge by the raw text
  }
  return BY_EXTENSION.find(([pattern]) => pattern.test(pathname))?.[1] ?? "file";
}
