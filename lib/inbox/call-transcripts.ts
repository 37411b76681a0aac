import { z } from "zod";
import { accountWhere, type AccountScope } from "@/lib/access/scope";
import type { Db } from "@/lib/db/client";

// A call's summary, transcript (speaker turns, with times when HighLevel's API gave them) and the
// facts an AI agent extracted, for the thread. Read by the call message's provider id within its
// own account: a transcript can be stored before its call (lib/ingest/calls.ts).

const sentenceSchema = z.object({
  speaker: z.string().nullable(),
  startMs: z.number().nullable(),
  endMs: z.number().nullable(),
  text: z.string(),
  confidence: z.number().nullable(),
});
export type TranscriptSentenceView = z.infer<typeof sentenceSchema>;

export interface CallTranscriptView {
  summary: string | null;
  sentences: TranscriptSentenceView[];
  /** Extracted data as labelled facts ("Preferred day: Tuesday"), in the agent's order. */
  facts: Array<{ label: string; value: string }>;
  /** True when the sentences carry times: clicking one seeks the recording. */
  timed: boolean;
}

/** "preferredDay" / "preferred_day" → "Preferred day". */
export function factLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function factValue(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return String(value);
  if (Array.isArray(value))
    return (
      value
        .map((item) => factValue(item) ?? "")
        .filter(Boolean)
        .join(", ") || null
    );
  return JSON.stringify(value);
}

export function toTranscriptView(row: { summary: string | null; sentences: unknown; extractedData: unknown }) {
  const parsed = z.array(sentenceSchema).safeParse(row.sentences);
  const sentences = parsed.success ? parsed.data : [];
  const data = row.extractedData && typeof row.extractedData === "object" ? row.extractedData : {};
  const facts = Object.entries(data as Record<string, unknown>).flatMap(([key, value]) => {
    const text = factValue(value);
    return text ? [{ label: factLabel(key), value: text }] : [];
  });
  if (!row.summary && sentences.length === 0 && facts.length === 0) return null;
  return {
    summary: row.summary,
    sentences,
    facts,
    timed: sentences.some((sentence) => sentence.startMs !== null),
  } satisfies CallTranscriptView;
}

/** Transcripts of these call messages, by "accountId:externalId". */
export async function transcriptsOf(
  db: Db,
  scope: AccountScope,
  messages: Array<{ accountId: string; externalId: string }>,
) {
  const found = new Map<string, CallTranscriptView>();
  if (messages.length === 0) return found;
  const rows = await db.callTranscript.findMany({
    where: {
      ...accountWhere(scope),
      OR: messages.map(({ accountId, externalId }) => ({ accountId, messageExternalId: externalId })),
    },
    select: { accountId: true, messageExternalId: true, summary: true, sentences: true, extractedData: true },
  });
  for (const row of rows) {
    const view = toTranscriptView(row);
    if (view) found.set(`${row.accountId}:${row.messageExternalId}`, view);
  }
  return found;
}
