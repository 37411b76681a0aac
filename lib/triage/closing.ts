import { scopeIncludes, type AccountScope } from "@/lib/access/scope";
import type { Db } from "@/lib/db/client";
import { CLOSING_MAX_LENGTH } from "./validations";

// Closing-only messages (issue #26 item 2, docs/triage-rules.md): a customer's "Thanks, see you
// then 👍" after our reply asks nothing, so it starts no wait for a reply (rules.ts `asks`). The
// test is deliberately narrow — a message that is not clearly only a closing still needs a reply:
//   - no "?" (or "¿") anywhere, no attachment, at most CLOSING_MAX_LENGTH characters;
//   - emoji only, or closing phrases (the account's list, else DEFAULT_CLOSING_PHRASES) with at
//     most a few filler words between them ("then", "so much", "por todo"): any other word
//     ("Thanks, but the invoice is wrong", "ok call me") makes it a message that needs a reply.

/** The default list, English and Spanish; an owner edits their account's in Settings. */
export const DEFAULT_CLOSING_PHRASES = [
  "thanks",
  "thank you",
  "thank u",
  "thx",
  "ty",
  "ok",
  "okay",
  "k",
  "kk",
  "great",
  "perfect",
  "sounds good",
  "got it",
  "see you",
  "see ya",
  "cool",
  "awesome",
  "will do",
  "bye",
  "have a good day",
  "have a great day",
  "appreciate it",
  "no problem",
  "gracias",
  "perfecto",
  "vale",
  "de acuerdo",
  "listo",
  "genial",
  "excelente",
  "nos vemos",
  "hasta luego",
  "hasta pronto",
  "adios",
  "entendido",
  "dale",
];

/** Words that may sit between closing phrases without asking anything. */
const FILLER = new Set(
  (
    "then so much very a lot lots again you all for everything your the help guys too really and oh " +
    "soon later tomorrow it muchas mucho muy bien entonces todo por su tu la el ayuda igualmente pronto manana y"
  ).split(" "),
);

const EMOJI = /\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\u200d|\ufe0f/gu;

/** Lower case, accents off, emoji and punctuation gone: the words of a text. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(EMOJI, " ")
    .replace(/[^\p{L}\p{N}']+/gu, " ")
    .split(" ")
    .filter(Boolean);
}

/** The account's phrases (one a line, as an owner typed them), or the default list. */
export function closingPhrasesOf(stored: string | null | undefined): string[] {
  const own = (stored ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return own.length > 0 ? own : DEFAULT_CLOSING_PHRASES;
}

/** Cheap test first: only a short message without a question can be a closing one. */
export function mayBeClosing(text: string | null | undefined, attachments = 0): text is string {
  const trimmed = text?.trim() ?? "";
  return attachments === 0 && trimmed.length > 0 && trimmed.length <= CLOSING_MAX_LENGTH && !/[?¿]/.test(trimmed);
}

export function isClosingOnly(text: string | null | undefined, phrases: readonly string[], attachments = 0): boolean {
  if (!mayBeClosing(text, attachments)) return false;
  const said = words(text);
  const hasEmoji = text.replace(EMOJI, "") !== text;
  if (said.length === 0) return hasEmoji;
  // Longest phrase first, so "see you then" is not read as "see you" + a stray word.
  const known = phrases
    .map(words)
    .filter((phrase) => phrase.length > 0)
    .sort((a, b) => b.length - a.length);
  let matched = false;
  for (let i = 0; i < said.length; ) {
    const phrase = known.find((p) => p.every((word, k) => said[i + k] === word));
    if (phrase) {
      matched = true;
      i += phrase.length;
    } else if (FILLER.has(said[i]!)) i += 1;
    else return false;
  }
  return matched;
}

/** Whether an inbound message only closes the exchange, by its account's phrases. */
export async function closesOnly(
  db: Db,
  scope: AccountScope,
  accountId: string,
  message: { channel: string; direction: string; text: string | null; attachments: number },
): Promise<boolean> {
  if (message.direction !== "inbound" || message.channel === "call" || message.channel === "voicemail") return false;
  if (!mayBeClosing(message.text, message.attachments) || !scopeIncludes(scope, accountId)) return false;
  const account = await db.account.findUnique({ where: { id: accountId }, select: { closingPhrases: true } });
  return isClosingOnly(message.text, closingPhrasesOf(account?.closingPhrases), message.attachments);
}
