import { BucketPeaks, sampledRuns } from "./bucket-sampling";
import type { DecodeBudget } from "./decode-budget";
import type { Mp3Frames } from "./mp3-frames";
import { PeakAccumulator, relativePeaks } from "./peak-accumulator";

// MP3 peaks through mpg123 compiled to WebAssembly (mpg123-decoder, no native binary), given the
// frames found by mp3-frames.ts. A short recording is decoded whole; a long one only in runs
// spread over it (bucket-sampling.ts), so no file costs more than 800 runs of a few frames of
// decoding (about 0.2 s of CPU), however long it is.

/** Up to this many frames (about 3.5 min at 44.1 kHz, 10 min at 8 kHz) a recording is decoded whole. */
const FULL_DECODE_FRAMES = 8000;
/** A longer recording: this many frames decoded per bucket (about 0.1-0.3 s of sound), after the warm-up. */
const RUN_FRAMES = 4;
/** Frames handed to the decoder at once when decoding whole (then the event loop gets a turn). */
const BATCH_FRAMES = 64;
/**
 * The synthesis filters carry state from frame to frame, and a Layer III frame may take its data
 * from up to 511 bytes before it (the bit reservoir, main_data_begin in its side information): a
 * run starts a frame earlier, and as many more as its first frame reaches back (at most
 * MAX_WARM_UP_FRAMES); what those frames decode to is thrown away.
 */
const MAX_WARM_UP_FRAMES = 8;

type Decoder = InstanceType<typeof import("mpg123-decoder")["MPEGDecoder"]>;

function frameBytes(bytes: Uint8Array, frames: Mp3Frames, index: number): Uint8Array {
  const offset = frames.table[index * 2]!;
  return bytes.subarray(offset, offset + frames.table[index * 2 + 1]!);
}

async function decodeWhole(
  decoder: Decoder,
  bytes: Uint8Array,
  frames: Mp3Frames,
  buckets: number,
  budget: DecodeBudget,
): Promise<Uint8Array | null> {
  const accumulator = new PeakAccumulator();
  for (let first = 0; first < frames.count; first += BATCH_FRAMES) {
    const last = Math.min(first + BATCH_FRAMES, frames.count) - 1;
    // Frames found back to back are one slice of the file; gaps (skipped junk) are left out.
    const start = frames.table[first * 2]!;
    const end = frames.table[last * 2]! + frames.table[last * 2 + 1]!;
    const contiguous = end - start === sumLengths(frames, first, last);
    const parts = contiguous
      ? [bytes.subarray(start, end)]
      : Array.from({ length: last - first + 1 }, (_, i) => frameBytes(bytes, frames, first + i));
    for (const part of parts) {
      const { channelData, samplesDecoded, sampleRate } = decoder.decode(part);
      if (samplesDecoded > 0) accumulator.add(channelData, samplesDecoded, sampleRate);
    }
    await budget.tick();
  }
  return accumulator.finish(buckets)?.peaks ?? null;
}

function sumLengths(frames: Mp3Frames, first: number, last: number): number {
  let sum = 0;
  for (let i = first; i <= last; i++) sum += frames.table[i * 2 + 1]!;
  return sum;
}

const isMpeg1 = (frame: Uint8Array) => ((frame[1]! >> 3) & 3) === 3;
const isLayer3 = (frame: Uint8Array) => ((frame[1]! >> 1) & 3) === 1;
/** Header, CRC (when the protection bit is 0) and Layer III side information. */
function overheadBytes(frame: Uint8Array): number {
  const mono = frame[3]! >> 6 === 3;
  const sideInfo = isMpeg1(frame) ? (mono ? 17 : 32) : mono ? 9 : 17;
  return 4 + (frame[1]! & 1 ? 0 : 2) + (isLayer3(frame) ? sideInfo : 0);
}

/** How many bytes of earlier frames' data a frame uses: its main_data_begin (Layer III only). */
function reservoirBytes(frame: Uint8Array): number {
  if (!isLayer3(frame) || frame.length < 8) return 0;
  const at = frame[1]! & 1 ? 4 : 6;
  return isMpeg1(frame) ? (frame[at]! << 1) | (frame[at + 1]! >> 7) : frame[at]!; // 9 bits, or 8 for MPEG-2/2.5
}

/** The first frame to decode so that frame `first` decodes as it would in the whole stream. */
function warmUpStart(bytes: Uint8Array, frames: Mp3Frames, first: number): number {
  let needed = reservoirBytes(frameBytes(bytes, frames, first));
  let start = first;
  while (start > 0 && first - start < MAX_WARM_UP_FRAMES && (start === first || needed > 0)) {
    const frame = frameBytes(bytes, frames, --start);
    needed -= frame.length - overheadBytes(frame);
  }
  return start;
}

async function decodeSampled(
  decoder: Decoder,
  bytes: Uint8Array,
  frames: Mp3Frames,
  buckets: number,
  budget: DecodeBudget,
): Promise<Uint8Array | null> {
  const peaks = new BucketPeaks(buckets);
  let decoded = 0;
  for (const run of sampledRuns(frames.count, buckets, RUN_FRAMES)) {
    for (let index = warmUpStart(bytes, frames, run.first); index < run.first + run.count; index++) {
      const { channelData, samplesDecoded } = decoder.decode(frameBytes(bytes, frames, index));
      if (index >= run.first && samplesDecoded > 0) {
        peaks.add(run.bucket, channelData, samplesDecoded);
        decoded += samplesDecoded;
      }
    }
    await budget.tick();
  }
  return decoded > 0 ? relativePeaks(peaks.values) : null;
}

/** The waveform's peaks, or null when no frame decodes to sound. */
export async function mp3Peaks(
  bytes: Uint8Array,
  frames: Mp3Frames,
  buckets: number,
  budget: DecodeBudget,
): Promise<Uint8Array | null> {
  const { MPEGDecoder } = await import("mpg123-decoder");
  const decoder = new MPEGDecoder();
  await decoder.ready;
  try {
    return frames.count <= FULL_DECODE_FRAMES
      ? await decodeWhole(decoder, bytes, frames, buckets, budget)
      : await decodeSampled(decoder, bytes, frames, buckets, budget);
  } finally {
    decoder.free();
  }
}
