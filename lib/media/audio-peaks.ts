import { logger } from "@/lib/logger";
import { DecodeBudget, DecodeBudgetExceeded } from "./decode-budget";
import { scanMp3 } from "./mp3-frames";
import { mp3Peaks } from "./mp3-peaks";
import { wavLayout, wavPeaks } from "./wav-pcm";

// A recording's waveform from its bytes, decoded here on the server with nothing but npm: WAV is
// read directly (wav-pcm.ts), MP3 goes through mpg123 compiled to WebAssembly (mp3-peaks.ts).
// Those two are what call recordings and voicemails come as; anything else (Ogg, AAC, …) is
// "unsupported" and the player shows no waveform. A recording is a stranger's file: its length
// is read from its headers first, and one longer than MAX_DRAWN_SECONDS is not decoded at all;
// decoding is bounded (a sample of frames for long ones) and cut at DECODE_BUDGET_MS.

/** How many buckets a waveform is stored in: finer than any player draws, small to keep (≤ 800 bytes). */
export const WAVEFORM_BUCKETS = 800;
/** Past this length a recording is "too long to draw" (the player still plays it). */
export const MAX_DRAWN_SECONDS = 4 * 60 * 60;
/** Decoding time (inside its slices, see decode-budget.ts) after which a drawing is given up. */
export const DECODE_BUDGET_MS = 5_000;

export type Drawing =
  | { state: "drawn"; peaks: Uint8Array; durationSeconds: number }
  | { state: "too-long"; durationSeconds: number }
  /** A WAV or MP3 that is damaged: cut short in its header, or no frame of sound in it. */
  | { state: "unreadable" }
  /** Not a format drawn here (Ogg, AAC, ADPCM WAV, …). */
  | { state: "unsupported" };

export interface DrawOptions {
  buckets?: number;
  maxSeconds?: number;
  budgetMs?: number;
}

function isMp3(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  if (bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33) return true; // "ID3" tag first
  return bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0 && (bytes[1]! & 0x06) !== 0; // an MPEG audio frame
}

async function draw(bytes: Uint8Array, buckets: number, maxSeconds: number, budget: DecodeBudget): Promise<Drawing> {
  const wav = wavLayout(bytes);
  if (typeof wav === "string") return { state: wav };
  let durationSeconds: number;
  let peaks: () => Promise<Uint8Array | null>;
  if (wav) {
    durationSeconds = wav.durationSeconds;
    peaks = () => wavPeaks(wav, buckets, budget);
  } else if (isMp3(bytes)) {
    const frames = await scanMp3(bytes, maxSeconds);
    if (!frames) return { state: "unreadable" };
    durationSeconds = frames.durationSeconds;
    peaks = () => mp3Peaks(bytes, frames, buckets, budget);
  } else return { state: "unsupported" };
  if (durationSeconds > maxSeconds) return { state: "too-long", durationSeconds };
  try {
    const drawn = await peaks();
    return drawn ? { state: "drawn", peaks: drawn, durationSeconds } : { state: "unreadable" };
  } catch (error) {
    if (error instanceof DecodeBudgetExceeded) return { state: "too-long", durationSeconds };
    throw error;
  }
}

/** The waveform of a recording, or the reason there is none. */
export async function waveformOf(bytes: Uint8Array, options: DrawOptions = {}): Promise<Drawing> {
  const budget = new DecodeBudget(options.budgetMs ?? DECODE_BUDGET_MS);
  try {
    return await draw(bytes, options.buckets ?? WAVEFORM_BUCKETS, options.maxSeconds ?? MAX_DRAWN_SECONDS, budget);
  } catch (error) {
    // A hostile file that trips the decoder is unreadable, not a server error.
    logger.warn("waveform: decoding failed", { error: (error as Error).message });
    return { state: "unreadable" };
  }
}
