import type { AttachmentKind } from "@/lib/vocabulary";

const BY_EXTENSION: Array<[RegExp, AttachmentKind]> = [
  [/\.(png|jpe?g|gif|webp|bmp|svg|heic)$/i, "image"],
  [/\.(mp3|wav|ogg|oga|m4a|aac|amr|opus|weba)$/i, "audio"],
  [/\.(mp4|mov|webm|3gp|m4v)$/i, "video"],
];

/** What an attachment is, from the message it came with and, failing that, its file name. */
export function attachmentKind(url: string, context: "call" | "voicemail" | "other"): AttachmentKind {
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
