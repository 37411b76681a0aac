import type { Member } from "@/components/inbox-data/api-types";

// @mentions in a note: what is being typed after "@" at the caret, the members it matches, and
// the text once one is picked. Kept apart from the component so the rules read (and test) alone.

/** The word after an "@" that ends at the caret (at the start or after a space), or null. */
export function mentionQuery(text: string, caret: number): { query: string; start: number } | null {
  const match = /(^|\s)@([\p{L}\p{N}._-]{0,30})$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { query: match[2] ?? "", start: caret - (match[2]?.length ?? 0) - 1 };
}

export function matchingMembers(members: Member[], query: string, limit = 6): Member[] {
  const wanted = query.toLowerCase();
  const starts = members.filter(
    (m) => m.name.toLowerCase().startsWith(wanted) || m.email.toLowerCase().startsWith(wanted),
  );
  const contains = members.filter((m) => !starts.includes(m) && m.name.toLowerCase().includes(wanted));
  return [...starts, ...contains].slice(0, limit);
}

/** The text with "@query" replaced by "@Name ", and where the caret goes. */
export function insertMention(text: string, at: { start: number }, caret: number, member: Member) {
  const inserted = `@${member.name} `;
  return { text: text.slice(0, at.start) + inserted + text.slice(caret), caret: at.start + inserted.length };
}

/** The picked people whose "@Name" is still in the text: a mention deleted from the text is no mention. */
export function mentionedIds(text: string, picked: Map<string, string>): string[] {
  return [...picked].filter(([, name]) => text.includes(`@${name}`)).map(([id]) => id);
}
