import { describe, expect, it } from "vitest";
import { cutSnippet, matchRanges, searchWords, wordsFound } from "./snippet";

const marked = (text: string, words: string[]) => matchRanges(text, words).map(([from, to]) => text.slice(from, to));

describe("matchRanges", () => {
  it("finds whole words starting with a search word, whatever their case", () => {
    expect(marked("Whitening? Yes, WHITEN them; unwhitened stays.", ["whiten"])).toEqual(["Whitening", "WHITEN"]);
  });

  it("finds every word of a multi-word search, in text order", () => {
    expect(marked("my molar aches since Sunday", searchWords("sunday MOLAR"))).toEqual(["molar", "Sunday"]);
  });

  it("finds accented and non-Latin words, and keeps the text's own offsets after emoji", () => {
    const text = "👋🏽 Zoë says: Ärger über die Brücke 🌉 — 東京 too";
    expect(marked(text, searchWords("zoë ärg brü"))).toEqual(["Zoë", "Ärger", "Brücke"]);
    expect(marked(text, ["東京"])).toEqual(["東京"]);
  });

  it("finds nothing without words", () => {
    expect(matchRanges("anything", [])).toEqual([]);
    expect(searchWords("  ?! ")).toEqual([]);
  });

  it("counts how many different words a text has", () => {
    expect(wordsFound("Delta Dental, delta", ["delta", "dental", "molar"])).toBe(2);
  });
});

describe("cutSnippet", () => {
  const long =
    "Thanks for calling Sunset Dental, this is the virtual assistant. How can I help you today with anything? " +
    "I chipped a molar last night and it hurts when I chew on the left side, so I would like the earliest slot you have. " +
    "Please text me on my mobile after five if that is easier, cheers";

  it("starts a few words before a match deep in the text, on a word, never at a fixed offset", () => {
    const snippet = cutSnippet(long, ["molar"])!;
    expect(snippet.startsWith("…")).toBe(true);
    expect(snippet).toContain("…a molar last night");
    expect(snippet.indexOf("molar")).toBeLessThanOrEqual(10);
    // Starts on a whole word of the text.
    expect(long).toContain(` ${snippet.slice(1).split(" ")[0]} `);
    expect(snippet.length).toBeLessThanOrEqual(122);
    expect(snippet.endsWith("…")).toBe(true);
    expect(long).toContain(snippet.slice(1, -1));
  });

  it("keeps a match at the start whole, with no leading ellipsis", () => {
    expect(cutSnippet(long, ["thanks"])).toMatch(/^Thanks for calling .+…$/);
  });

  it("keeps a match at the very end whole, with no trailing ellipsis", () => {
    const snippet = cutSnippet(long, ["cheers"])!;
    expect(snippet).toBe("…easier, cheers");
    expect(snippet.startsWith("…")).toBe(true);
  });

  it("cuts around the first of several words", () => {
    const snippet = cutSnippet(long, searchWords("slot molar"))!;
    expect(snippet).toContain("molar");
    expect(snippet.indexOf("molar")).toBeLessThanOrEqual(10);
  });

  it("never cuts an emoji sequence or a surrogate pair in half, also in text without spaces", () => {
    const family = "👨‍👩‍👧";
    const wave = "👋🏽";
    const text = `${family.repeat(20)}molar${wave.repeat(40)}`;
    const snippet = cutSnippet(text, ["molar"], { before: 10, length: 30 })!;
    expect(snippet).toContain("molar");
    const inner = snippet.replace(/^…/, "").replace(/…$/, "");
    // Whole sequences only: what is left of the families is a run of complete ones.
    expect(inner.split("molar")[0]!.length % family.length).toBe(0);
    expect(inner.split("molar")[1]).toMatch(/^(👋🏽)+$/u);
    expect(snippet).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it("keeps a long matched word whole even past the length", () => {
    const word = `supercalifragilistic${"x".repeat(150)}`;
    expect(cutSnippet(`a ${word} b`, ["super"])).toBe(`a ${word}…`);
  });

  it("makes line breaks spaces, and is null when the text lacks every word", () => {
    expect(cutSnippet("bot: Hello\nhuman: My molar", ["molar"], { before: 30 })).toBe("bot: Hello human: My molar");
    expect(cutSnippet("nothing here", ["molar"])).toBeNull();
  });
});
