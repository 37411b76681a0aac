import { z } from "zod";

/**
 * Why a recording has a waveform or not: "drawn" (peaks), "too-long" (longer than the server draws,
 * or too costly to decode: the player still plays it), "unreadable" (a WAV or MP3 that is damaged),
 * "unsupported" (a format the server does not decode, such as Ogg).
 */
export const WAVEFORM_STATES = ["drawn", "too-long", "unreadable", "unsupported"] as const;
export type WaveformState = (typeof WAVEFORM_STATES)[number];

/** GET /api/media/:id/waveform: browser-safe contract (the player parses it with this). */
export const waveformAnswerSchema = z.object({
  state: z.enum(WAVEFORM_STATES),
  /** 0-255 per bucket, relative to the recording's loudest moment; null unless "drawn". */
  peaks: z.array(z.number().int().min(0).max(255)).nullable(),
  /** The length read from the file ("drawn", "too-long"); null when it could not be read. */
  durationSeconds: z.number().nonnegative().nullable(),
});
export type WaveformAnswer = z.infer<typeof waveformAnswerSchema>;
