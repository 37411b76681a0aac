import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { PeakAccumulator, type Waveform } from "./peak-accumulator";
import { readWav } from "./wav-pcm";

// A recording's waveform from its bytes, decoded here on the server with nothing but npm: WAV is
// read directly (wav-pcm.ts), MP3 goes through mpg123 compiled to WebAssembly (mpg123-decoder,
// no native binary). Those two are what call recordings and voicemails come as; anything else
// (Ogg, AAC, …) answers null and the player shows no waveform.

/** How many buckets a waveform is stored in: finer than any player draws, small to keep (≤ 800 bytes). */
export const WAVEFORM_BUCKETS = 800;
const MP3_CHUNK_BYTES = 64 * 1024;

function isMp3(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  if (bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33) return true; // "ID3" tag first
  return bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0 && (bytes[1]! & 0x06) !== 0; // an MPEG audio frame
}

async function readMp3(bytes: Uint8Array, into: PeakAccumulator): Promise<boolean> {
  const { MPEGDecoder } = await import("mpg123-decoder");
  const decoder = new MPEGDecoder();
  await decoder.ready;
  let decoded = 0;
  try {
    // In chunks, yielding between them: an hour of MP3 takes seconds of CPU, and other requests
    // on this server must not wait for all of it.
    for (let offset = 0; offset < bytes.length; offset += MP3_CHUNK_BYTES) {
      const { channelData, samplesDecoded, sampleRate } = decoder.decode(
        bytes.subarray(offset, offset + MP3_CHUNK_BYTES),
      );
      if (samplesDecoded > 0) into.add(channelData, samplesDecoded, sampleRate);
      decoded += samplesDecoded;
      await yieldToEventLoop();
    }
  } finally {
    decoder.free();
  }
  return decoded > 0;
}

/** The waveform of a recording, or null when its format is not one we decode (or it holds no sound). */
export async function waveformOf(bytes: Uint8Array, buckets = WAVEFORM_BUCKETS): Promise<Waveform | null> {
  const accumulator = new PeakAccumulator();
  const read = readWav(bytes, accumulator) || (isMp3(bytes) && (await readMp3(bytes, accumulator)));
  return read ? accumulator.finish(buckets) : null;
}
