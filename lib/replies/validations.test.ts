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
