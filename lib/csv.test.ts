import { describe, expect, it } from "vitest";
import { csvField, spreadsheetSafe, toCsv } from "./csv";

// Every export's cells go through spreadsheetSafe (#25, 12): a cell a spreadsheet would read as a
// formula is shown as text. Before, TAB, CR and LF at the start got through.

describe("spreadsheetSafe", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1", "\n=1+1", "\t", "\r\n@x"])(
    "puts an apostrophe before %j",
    (text) => {
      expect(spreadsheetSafe(text)).toBe(`'${text}`);
    },
  );

  it.each(["", "Dana", "a=1", "1-2", "Jan 10", " =1"])("leaves %j as it is", (text) => {
    expect(spreadsheetSafe(text)).toBe(text);
  });
});

describe("csvField", () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", `"'\r=1+1"`],
    ["\n=1+1", `"'\n=1+1"`],
    ["a,b", `"a,b"`],
  ])("guards, then quotes %j", (text, field) => {
    expect(csvField(text)).toBe(field);
  });

  it("writes numbers and empty cells as they are: a negative number is data, not a formula", () => {
    expect([csvField(-5), csvField(0), csvField(null)]).toEqual(["-5", "0", ""]);
  });
});

describe("toCsv", () => {
  it("guards every cell, the header too, and ends lines with CRLF", () => {
    expect(
      toCsv([
        ["Day", "@agent"],
        ["\t2025-01-10", 3],
      ]),
    ).toBe("Day,'@agent\r\n'\t2025-01-10,3");
  });
});
