import { describe, expect, it } from "vitest";
import { applyFormat, type Format } from "./format-markdown";

// The composer's Bold, Italic, Link and Bulleted list on a selection ([start, end)), and where the
// selection is left for the next keystroke.

describe("formatting the selection as Markdown", () => {
  it.each<[string, number, number, Format, string, string]>([
    ["see you at 4 pm", 11, 15, "bold", "see you at **4 pm**", "4 pm"],
    ["see you", 4, 7, "italic", "see _you_", "you"],
    ["hi ", 3, 3, "bold", "hi ****", ""],
    ["our site", 4, 8, "link", "our [site](https://)", "https://"],
    ["x", 1, 1, "link", "x[link](https://)", "https://"],
    ["Bring:\nyour card\nthe form", 9, 25, "list", "Bring:\n- your card\n- the form", "- your card\n- the form"],
    ["- one\ntwo", 0, 9, "list", "- one\n- two", "- one\n- two"],
  ])("%j [%i, %i) %s → %j", (value, start, end, format, expected, selected) => {
    const edit = applyFormat(value, start, end, format);
    expect(edit.value).toBe(expected);
    expect(edit.value.slice(edit.start, edit.end)).toBe(selected);
  });
});
