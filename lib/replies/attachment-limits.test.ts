import { describe, expect, it } from "vitest";
import { checkAttachment } from "./attachment-limits";

// The table's rules as the composer and the upload route apply them (the route's own test shows
// the refusals reach the person and HighLevel is not called).

const MB = 1024 * 1024;

describe("checkAttachment", () => {
  it.each([
    ["a photo by SMS", "sms", { name: "a.jpg", type: "image/jpeg", size: MB }, "image/jpeg"],
    ["a type the browser left empty, by its extension", "sms", { name: "card.VCF", type: "", size: 300 }, "text/vcard"],
    ["a browser's own name for a type", "sms", { name: "a.mp3", type: "audio/mp3", size: 300 }, "audio/mpeg"],
    [
      "a Word document by email",
      "email",
      { name: "q.docx", type: "", size: 2 * MB },
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
  ] as const)("takes %s", (_name, channel, file, contentType) => {
    expect(checkAttachment(channel, file)).toEqual({ ok: true, contentType });
  });

  it.each([
    [
      "a GIF on WhatsApp",
      "whatsapp",
      { name: "a.gif", type: "image/gif", size: 10 },
      415,
      "This file type can't be sent by WhatsApp (a.gif)",
    ],
    [
      "anything on Google Business",
      "gmb",
      { name: "a.png", type: "image/png", size: 10 },
      415,
      "This file type can't be sent by Google Business (a.png)",
    ],
    ["an empty file", "sms", { name: "a.png", type: "image/png", size: 0 }, 400, "a.png is empty"],
    // Email allows 10 MB, but HighLevel's upload endpoint takes 5 MB.
    [
      "7 MB by email",
      "email",
      { name: "a.pdf", type: "application/pdf", size: 7 * MB },
      413,
      "PDFs up to 5 MB on email (a.pdf is 7 MB)",
    ],
  ] as const)("refuses %s", (_name, channel, file, status, error) => {
    expect(checkAttachment(channel, file)).toEqual({ ok: false, status, error });
  });
});
