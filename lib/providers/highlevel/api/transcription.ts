import { z } from "zod";
import type { TranscriptSentence } from "@/lib/providers/contract";
import { HighLevelApiError, type HighLevelRequest, highLevelGet } from "./client";

// GET /conversations/locations/{locationId}/messages/{messageId}/transcription (HighLevel "Get
// transcription by Message ID"; a Sub-Account token, no scope): the recording's transcript as
// sentences, each with mediaChannel, sentenceIndex, startTime/endTime in milliseconds, transcript
// and confidence. The docs show one sentence object; the API answers a list of them. Numbers
// come as numbers or as strings ("34"): both are read.

export const TRANSCRIPTION_API_VERSION = "2021-04-15";

const number = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const parsed = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(parsed)) {
    ctx.addIssue({ code: "custom", message: "not a number" });
    return z.NEVER;
  }
  return parsed;
});

const sentenceSchema = z.looseObject({
  mediaChannel: number.nullish(),
  sentenceIndex: number.nullish(),
  startTime: number.nullish(),
  endTime: number.nullish(),
  transcript: z.string(),
  confidence: number.nullish(),
});
const answerSchema = z.union([
  z.array(sentenceSchema),
  sentenceSchema.transform((sentence) => [sentence]),
  z.looseObject({ transcription: z.array(sentenceSchema) }).transform((body) => body.transcription),
]);

export async function fetchTranscription(
  locationId: string,
  messageId: string,
  request: Omit<HighLevelRequest, "path" | "version">,
): Promise<TranscriptSentence[]> {
  const body = await highLevelGet({
    ...request,
    version: TRANSCRIPTION_API_VERSION,
    path: `/conversations/locations/${encodeURIComponent(locationId)}/messages/${encodeURIComponent(messageId)}/transcription`,
  });
  const parsed = answerSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HighLevelApiError(
      `HighLevel's transcription answer has an unexpected shape (${issue?.path.join(".") || "body"}: ${issue?.message})`,
      200,
    );
  }
  return parsed.data
    .map((sentence, order) => ({ sentence, order }))
    .sort((a, b) => (a.sentence.sentenceIndex ?? a.order) - (b.sentence.sentenceIndex ?? b.order) || a.order - b.order)
    .flatMap(({ sentence }) =>
      sentence.transcript.trim()
        ? [
            {
              speaker: sentence.mediaChannel != null ? `Speaker ${sentence.mediaChannel}` : null,
              startMs: sentence.startTime ?? null,
              endMs: sentence.endTime ?? null,
              text: sentence.transcript.trim(),
              confidence: sentence.confidence ?? null,
            },
          ]
        : [],
    );
}
