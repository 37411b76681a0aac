import type { ReplyChannel } from "@/lib/vocabulary";

// What may be attached to a reply on each channel, checked before anything is uploaded (the
// composer checks first so nothing large leaves the browser for nothing; the upload route checks
// again, and is the rule). Browser-safe: no server imports.
//
// Sources (read December 2026):
// - Every file goes through HighLevel's "Upload file attachments" (POST /conversations/messages/upload,
//   API 2.0, marketplace.gohighlevel.com/docs/2021-04-15/ghl/conversations/upload-file-attachments):
//   at most 5 MB a file, and only JPG, JPEG, PNG, GIF, SVG, HEIC, AI; MP4, MPEG, 3GP; MP3, WAV,
//   OGG, AAC, M4A, AMR, …; PDF, DOC(X), TXT, CSV, XLS(X), PPT(X), ODT; ZIP, RAR; VCF/VCARD; ICS.
//   So no channel can take more than 5 MB, whatever it allows itself (UPLOAD_MAX_BYTES below).
// - SMS/MMS (HighLevel's LC Phone MMS): 5 MB; images (JPEG, PNG, GIF), PDF, vCard, audio, video.
// - Email (HighLevel's email sending): 10 MB of attachments; office documents, images, PDF, text,
//   calendar and contact files.
// - WhatsApp (Meta's Cloud API "Supported media types"): images JPEG/PNG 5 MB; audio AAC, AMR,
//   MP3, M4A, OGG 16 MB; video MP4/3GPP 16 MB; documents PDF, DOC(X), XLS(X), PPT(X), TXT 100 MB.
// - Facebook Messenger and Instagram (Meta's Send API): images and video up to 25 MB (Instagram
//   images 8 MB).
// - Live chat (HighLevel's chat widget): images and PDFs, by HighLevel's upload limit.
// - Google Business: HighLevel sends text only there, so nothing may be attached.

/** HighLevel's upload endpoint takes one file of at most 5 MB. */
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
/** How many files one reply may carry. */
export const MAX_ATTACHMENTS = 10;

const MB = 1024 * 1024;

/** One kind of file a channel takes: its words ("PDFs"), its MIME types, its size limit. */
export interface AttachmentRule {
  label: string;
  types: readonly string[];
  maxBytes: number;
}

const IMAGES = ["image/jpeg", "image/png", "image/gif"] as const;
const AUDIO = ["audio/mpeg", "audio/wav", "audio/ogg", "audio/aac", "audio/mp4", "audio/amr"] as const;
const VIDEO = ["video/mp4", "video/3gpp", "video/mpeg"] as const;
const OFFICE = [
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-powerpoint",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "text/plain",
] as const;

export const ATTACHMENT_RULES: Record<ReplyChannel, readonly AttachmentRule[]> = {
  sms: [
    { label: "Images", types: IMAGES, maxBytes: 5 * MB },
    { label: "PDFs", types: ["application/pdf"], maxBytes: 5 * MB },
    { label: "Contact cards", types: ["text/vcard"], maxBytes: 5 * MB },
    { label: "Audio files", types: AUDIO, maxBytes: 5 * MB },
    { label: "Videos", types: VIDEO, maxBytes: 5 * MB },
  ],
  email: [
    { label: "Images", types: IMAGES, maxBytes: 10 * MB },
    { label: "PDFs", types: ["application/pdf"], maxBytes: 10 * MB },
    {
      label: "Documents",
      types: [...OFFICE, "text/csv", "application/vnd.oasis.opendocument.text"],
      maxBytes: 10 * MB,
    },
    { label: "Calendar and contact files", types: ["text/calendar", "text/vcard"], maxBytes: 10 * MB },
  ],
  whatsapp: [
    { label: "Images", types: ["image/jpeg", "image/png"], maxBytes: 5 * MB },
    {
      label: "Audio files",
      types: ["audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"],
      maxBytes: 16 * MB,
    },
    { label: "Videos", types: ["video/mp4", "video/3gpp"], maxBytes: 16 * MB },
    { label: "PDFs", types: ["application/pdf"], maxBytes: 100 * MB },
    { label: "Documents", types: OFFICE, maxBytes: 100 * MB },
  ],
  facebook: [
    { label: "Images", types: IMAGES, maxBytes: 25 * MB },
    { label: "Videos", types: ["video/mp4"], maxBytes: 25 * MB },
  ],
  instagram: [
    { label: "Images", types: ["image/jpeg", "image/png", "image/gif"], maxBytes: 8 * MB },
    { label: "Videos", types: ["video/mp4"], maxBytes: 25 * MB },
  ],
  live_chat: [
    { label: "Images", types: IMAGES, maxBytes: 5 * MB },
    { label: "PDFs", types: ["application/pdf"], maxBytes: 5 * MB },
  ],
  gmb: [],
};

/** "SMS", "email": the words after "by" in the composer's messages. */
export const ATTACHMENT_CHANNEL_NAMES: Record<ReplyChannel, string> = {
  sms: "SMS",
  email: "email",
  whatsapp: "WhatsApp",
  facebook: "Facebook",
  instagram: "Instagram",
  live_chat: "live chat",
  gmb: "Google Business",
};

// Browsers name some types their own way, and leave others empty: the extension decides then.
const ALIASES: Record<string, string> = {
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
  "audio/mp3": "audio/mpeg",
  "audio/x-wav": "audio/wav",
  "audio/wave": "audio/wav",
  "audio/x-m4a": "audio/mp4",
  "audio/m4a": "audio/mp4",
  "text/x-vcard": "text/vcard",
  "text/directory": "text/vcard",
};
const BY_EXTENSION: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  pdf: "application/pdf",
  vcf: "text/vcard",
  vcard: "text/vcard",
  ics: "text/calendar",
  mp3: "audio/mpeg",
  wav: "audio/wav",
  ogg: "audio/ogg",
  aac: "audio/aac",
  m4a: "audio/mp4",
  amr: "audio/amr",
  mp4: "video/mp4",
  "3gp": "video/3gpp",
  mpeg: "video/mpeg",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ppt: "application/vnd.ms-powerpoint",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  txt: "text/plain",
  csv: "text/csv",
  odt: "application/vnd.oasis.opendocument.text",
};

/** The file's MIME type as the table names it: the browser's, else from its extension. */
export function attachmentContentType(file: { name: string; type: string }): string {
  const given = file.type.split(";")[0]?.trim().toLowerCase() ?? "";
  if (given && given !== "application/octet-stream") return ALIASES[given] ?? given;
  const extension = file.name.toLowerCase().split(".").pop() ?? "";
  return BY_EXTENSION[extension] ?? "application/octet-stream";
}

/** "6.2 MB", "840 KB"; `round: "up"` for a file over a limit, so it never reads as the limit itself. */
export function formatFileSize(bytes: number, round: "nearest" | "up" = "nearest"): string {
  const to = round === "up" ? Math.ceil : Math.round;
  if (bytes >= MB) return `${(to((bytes / MB) * 10) / 10).toFixed(1).replace(/\.0$/, "")} MB`;
  return `${Math.max(1, to(bytes / 1024))} KB`;
}

export type AttachmentCheck =
  | { ok: true; contentType: string }
  /** 413: too big; 415: a type the channel does not take; 400: empty. */
  | { ok: false; status: 400 | 413 | 415; error: string };

/** Whether this file may go on this channel, and if not, the words that say why. */
export function checkAttachment(
  channel: ReplyChannel,
  file: { name: string; type: string; size: number },
): AttachmentCheck {
  const contentType = attachmentContentType(file);
  const by = ATTACHMENT_CHANNEL_NAMES[channel];
  const rule = ATTACHMENT_RULES[channel].find((candidate) => candidate.types.includes(contentType));
  if (!rule) return { ok: false, status: 415, error: `This file type can't be sent by ${by} (${file.name})` };
  if (file.size === 0) return { ok: false, status: 400, error: `${file.name} is empty` };
  const maxBytes = Math.min(rule.maxBytes, UPLOAD_MAX_BYTES);
  if (file.size > maxBytes)
    return {
      ok: false,
      status: 413,
      error: `${rule.label} up to ${formatFileSize(maxBytes)} on ${by} (${file.name} is ${formatFileSize(file.size, "up")})`,
    };
  return { ok: true, contentType };
}
