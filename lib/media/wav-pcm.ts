import { BucketPeaks, sampledRuns } from "./bucket-sampling";
import { DecodeBudget } from "./decode-budget";
import { PeakAccumulator, relativePeaks } from "./peak-accumulator";
import { sampleReader, type WavFormat } from "./wav-samples";

// WAV read directly, no decoder (sample formats: wav-samples.ts). The header is read with every
// length checked against the bytes there are: a file cut short in its header is "unreadable"
// (not an exception, which was a 500), one in a format not read here is "unsupported".

const EXTENSIBLE = 0xfffe;
const BLOCK_FRAMES = 8192;
/** Up to this many samples (all channels) are read whole, about 0.4 s of CPU; past it, a sample of runs. */
const FULL_READ_SAMPLES = 16 * 1024 * 1024;

export interface WavLayout {
  format: WavFormat;
  read: (offset: number) => number;
  dataStart: number;
  frames: number;
  frameBytes: number;
  bytesPerSample: number;
  durationSeconds: number;
}

export type WavParse = WavLayout | "unreadable" | "unsupported";

export function isWav(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WAVE";
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function readFormat(view: DataView, start: number, size: number): WavFormat | null {
  if (size < 16 || start + size > view.byteLength) return null;
  let tag = view.getUint16(start, true);
  // WAVE_FORMAT_EXTENSIBLE names the real format in the first two bytes of its sub-format GUID.
  if (tag === EXTENSIBLE && size >= 26) tag = view.getUint16(start + 24, true);
  return {
    tag,
    channels: view.getUint16(start + 2, true),
    sampleRate: view.getUint32(start + 4, true),
    bits: view.getUint16(start + 14, true),
  };
}

function layoutOf(format: WavFormat, view: DataView, dataStart: number, size: number): WavParse {
  const { channels, sampleRate, bits } = format;
  if (channels < 1 || channels > 16 || sampleRate < 1 || bits < 1) return "unreadable";
  const read = sampleReader(format, view);
  if (!read) return "unsupported";
  const bytesPerSample = bits / 8;
  const frameBytes = bytesPerSample * channels;
  const frames = Math.floor(size / frameBytes);
  if (frames === 0) return "unreadable";
  return { format, read, dataStart, frames, frameBytes, bytesPerSample, durationSeconds: frames / sampleRate };
}

/** Where a WAV's samples are and what they are; null if the bytes are not a WAV at all. */
export function wavLayout(bytes: Uint8Array): WavParse | null {
  if (!isWav(bytes)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: WavFormat | null = null;
  for (let offset = 12; offset + 8 <= bytes.length; ) {
    const id = ascii(bytes, offset, 4);
    const declared = view.getUint32(offset + 4, true);
    const start = offset + 8;
    if (id === "fmt ") {
      format = readFormat(view, start, declared);
      if (!format) return "unreadable"; // cut short, or too small to be a format
    }
    if (id === "data") {
      if (!format) return "unreadable";
      // Streamed recorders leave the data size at 0 or 0xFFFFFFFF, and a file may be cut short:
      // the data runs to the end.
      const size = declared === 0 || start + declared > bytes.length ? bytes.length - start : declared;
      return layoutOf(format, view, start, size);
    }
    offset = start + declared + (declared % 2); // chunks are padded to an even length
  }
  return "unreadable"; // no data chunk before the end
}

/** Feeds frames [first, first + count) to `add` a block at a time, yielding between blocks. */
async function readFrames(
  layout: WavLayout,
  first: number,
  count: number,
  budget: DecodeBudget,
  add: (block: Float32Array[], length: number) => void,
): Promise<void> {
  const { read, frameBytes, bytesPerSample, dataStart } = layout;
  const channels = layout.format.channels;
  const block = Array.from({ length: channels }, () => new Float32Array(Math.min(BLOCK_FRAMES, count)));
  for (let done = 0; done < count; done += BLOCK_FRAMES) {
    const length = Math.min(BLOCK_FRAMES, count - done);
    for (let f = 0; f < length; f++) {
      const frameStart = dataStart + (first + done + f) * frameBytes;
      for (let c = 0; c < channels; c++) block[c]![f] = read(frameStart + c * bytesPerSample);
    }
    add(block, length);
    await budget.tick();
  }
}

/** Feeds every sample of a WAV to the accumulator; false if it is not a WAV this reads. */
export async function readWav(
  bytes: Uint8Array,
  into: PeakAccumulator,
  budget = new DecodeBudget(Number.POSITIVE_INFINITY),
): Promise<boolean> {
  const layout = wavLayout(bytes);
  if (layout === null || typeof layout === "string") return false;
  await readFrames(layout, 0, layout.frames, budget, (block, length) =>
    into.add(block, length, layout.format.sampleRate),
  );
  return true;
}

/** The waveform's peaks: every sample of a short recording, evenly spaced runs of a long one. */
export async function wavPeaks(layout: WavLayout, buckets: number, budget: DecodeBudget): Promise<Uint8Array | null> {
  const channels = layout.format.channels;
  if (layout.frames * channels <= FULL_READ_SAMPLES) {
    const whole = new PeakAccumulator();
    await readFrames(layout, 0, layout.frames, budget, (block, length) =>
      whole.add(block, length, layout.format.sampleRate),
    );
    return whole.finish(buckets)?.peaks ?? null;
  }
  const peaks = new BucketPeaks(buckets);
  const perBucket = Math.floor(FULL_READ_SAMPLES / channels / buckets);
  for (const run of sampledRuns(layout.frames, buckets, perBucket))
    await readFrames(layout, run.first, run.count, budget, (block, length) => peaks.add(run.bucket, block, length));
  return relativePeaks(peaks.values);
}
