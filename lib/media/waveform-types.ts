import { z } from "zod";

/** GET /api/media/:id/waveform: browser-safe contract (the player parses it with this). */
export const waveformAnswerSchema = z.object({
  /** 0-255 per bucket, relative to the recording's loudest moment; null: the audio could not be decoded. */
  peaks: z.array(z.number().int().min(0).max(255)).nullable(),
  durationSeconds: z.number().nonnegative().nullable(),
});
export type WaveformAnswer = z.infer<typeof waveformAnswerSchema>;
