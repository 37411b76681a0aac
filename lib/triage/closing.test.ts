import { describe, expect, it } from "vitest";
import { closingPhrasesOf, DEFAULT_CLOSING_PHRASES, isClosingOnly } from "./closing";

// Which messages only close the exchange (docs/triage-rules.md): narrow on purpose, a question
// or anything beyond a short closing still needs a reply.

const closes = (text: string, phrases = DEFAULT_CLOSING_PHRASES) => isClosingOnly(text, phrases);

describe("closing-only messages", () => {
  it("thanks, ok, 👍, see you, gracias, perfecto and emoji alone close the exchange", () => {
    for (const text of [
      "Thanks, see you then 👍",
      "ok",
      "👍",
      "🙏🏽👍",
      "See you!",
      "Thank you so much!",
      "Muchas gracias 🙂",
      "Perfecto, nos vemos mañana",
      "Gracias por todo",
      "OK thanks",
    ])
      expect(closes(text), text).toBe(true);
  });

  it("a question, another word, an attachment or a long message still needs a reply", () => {
    for (const text of [
      "Thanks! Is parking free?",
      "ok?",
      "¿Perfecto, y el precio",
      "Thanks, but the invoice is wrong",
      "ok call me",
      "see you at 3",
      "then",
      "",
      "Thanks thanks thanks thanks thanks thanks thanks",
    ])
      expect(closes(text), text).toBe(false);
    expect(isClosingOnly("Thanks", DEFAULT_CLOSING_PHRASES, 1)).toBe(false);
  });

  it("an account's own list replaces the default one (one phrase a line)", () => {
    const own = closingPhrasesOf("cheers\n  ta  \n\n");
    expect(own).toEqual(["cheers", "ta"]);
    expect(closes("Cheers!", own)).toBe(true);
    expect(closes("Thanks", own)).toBe(false);
    expect(closingPhrasesOf(null)).toBe(DEFAULT_CLOSING_PHRASES);
    expect(closingPhrasesOf(" \n")).toBe(DEFAULT_CLOSING_PHRASES);
  });
});
