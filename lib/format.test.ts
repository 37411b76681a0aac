import { describe, expect, it } from "vitest";
import { attachmentFileName, downloadFileName } from "./format";

describe("attachmentFileName", () => {
  it("decodes the last path segment", () => {
    expect(attachmentFileName("https://files.example/a/quarterly%20report.pdf")).toBe("quarterly report.pdf");
    expect(attachmentFileName("https://files.example/a/r%C3%A9sum%C3%A9.pdf?sig=abc#x")).toBe("résumé.pdf");
    expect(attachmentFileName("https://files.example/")).toBe("attachment");
  });

  it("shows a malformed escape as sent instead of throwing (URI malformed broke the whole thread)", () => {
    expect(attachmentFileName("https://files.example/report%E0%A4%A.pdf")).toBe("report%E0%A4%A.pdf");
    expect(attachmentFileName("https://files.example/%")).toBe("%");
    expect(attachmentFileName("https://files.example/%ZZ%D8")).toBe("%ZZ%D8");
  });
});

describe("dates the browser cannot format", () => {
  it("read as unknown instead of throwing (year 10000, none, garbage)", async () => {
    const { dayKey, formatDay, formatRelative, formatTime } = await import("./format");
    for (const iso of ["+010000-01-01T00:00:00.000Z", "not a date", null]) {
      expect(() => [formatTime(iso), formatDay(iso), dayKey(iso), formatRelative(iso)]).not.toThrow();
      expect(formatTime(iso)).toBe("unknown time");
      expect(formatDay(iso)).toBe("Unknown date");
    }
    expect(formatTime("2025-09-01T10:00:00.000Z")).toMatch(/^\d{1,2}:\d{2} [AP]M$/);
  });
});

describe("downloadFileName", () => {
  it("names a download by customer, kind and time", () => {
    expect(downloadFileName("Otto O'Brien", "call-recording-outbound", "2025-10-20T14:00:00.000Z")).toMatch(
      /^otto-o-brien-call-recording-outbound-2025-10-20-\d{4}$/,
    );
  });
  it("keeps letters of any script and drops what a file system dislikes", () => {
    expect(downloadFileName("José Müller / ../x", "voicemail-inbound", null)).toBe(
      "josé-müller-x-voicemail-inbound-unknown-time",
    );
  });
  it("leaves the customer out when there is no name", () => {
    expect(downloadFileName(null, "audio", null)).toBe("audio-unknown-time");
    expect(downloadFileName("  ", "audio", null)).toBe("audio-unknown-time");
  });
});
