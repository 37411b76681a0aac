import type { TranscriptSentenceView } from "@/lib/inbox/call-transcripts";

// A Voice AI report's transcript has no times (lib/providers/highlevel/map-voice-ai.ts), yet
// its call has a recording. People speak at a roughly even pace, so each turn is given a share of
// the call in proportion to its length: clicking it plays from about where it was said. Pure:
// imported by the thread (type-only from call-transcripts, so no server code reaches the browser).

/** Sentences with times spread over the call by length; as they are when any already has a time. */
export function estimatedSentenceTimes(
  sentences: TranscriptSentenceView[],
  durationMs: number | null,
): TranscriptSentenceView[] {
  if (!durationMs || durationMs <= 0 || sentences.length === 0) return sentences;
  if (sentences.some((sentence) => sentence.startMs !== null)) return sentences;
  // Characters, not UTF-16 units: an emoji is one thing said, not two.
  const weights = sentences.map((sentence) => Math.max(1, Array.from(sentence.text.trim()).length));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let spoken = 0;
  return sentences.map((sentence, index) => {
    const startMs = Math.round((durationMs * spoken) / total);
    spoken += weights[index]!;
    return { ...sentence, startMs, endMs: Math.round((durationMs * spoken) / total) };
  });
}
