import { describe, expect, it } from "vitest";
import { replyInputSchema, smsSize } from "./validations";

describe("SMS segments", () => {
  it.each([
    ["", "GSM-7", 0, 0],
    ["x".repeat(160), "GSM-7", 160, 1],
    ["x".repeat(161), "GSM-7", 161, 2],
    ["x".repeat(306), "GSM-7", 306, 2],
    ["x".repeat(307), "GSM-7", 307, 3],
    ["€".repeat(80), "GSM-7", 160, 1], // the extension set costs two
    ["ñ".repeat(160), "GSM-7", 160, 1], // Spanish letters in the basic set
    ["¿Mañana?", "GSM-7", 8, 1],
    ["ok 👍", "UCS-2", 5, 1],
    ["ç".repeat(70), "UCS-2", 70, 1], // only the capital Ç is GSM
    ["ç".repeat(71), "UCS-2", 71, 2],
    ["ç".repeat(135), "UCS-2", 135, 3],
  ])("%j is %s, %i units, %i segments", (text, encoding, units, segments) => {
    expect(smsSize(text)).toMatchObject({ encoding, units, segments });
  });
});

describe("reply input", () => {
  it("keeps the text exactly as typed", () => {
    const text = "  Hola,\n\n  see you at 10 ";
    expect(replyInputSchema.parse({ clientKey: "abcdefgh", channel: "sms", text }).text).toBe(text);
  });
});

describe("a reply's attachments", () => {
  const url = "https://storage.example/msgsndr/loc/media/1/menu.pdf";
  const problems = (input: Record<string, unknown>) => {
    const parsed = replyInputSchema.safeParse({ clientKey: "abcdefgh", channel: "sms", text: "", ...input });
    return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  };

  it.each([
    ["files alone", { attachments: [url] }, []],
    ["no text and no file", { attachments: [] }, ["write something to send"]],
    ["not an http(s) URL", { attachments: ["javascript:alert(1)"] }, ["an attachment is an http(s) URL"]],
    ["more than 10", { attachments: Array(11).fill(url) }, ["at most 10 attachments"]],
    ["on Google Business", { channel: "gmb", attachments: [url] }, ["Files can't be sent by Google Business"]],
    [
      "with a WhatsApp template",
      { channel: "whatsapp", templateId: "t1", attachments: [url] },
      ["a template goes without attachments"],
    ],
  ])("%s", (_name, input, expected) => {
    expect(problems(input)).toEqual(expected);
  });
});
