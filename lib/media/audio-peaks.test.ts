import { afterEach, describe, expect, it, vi } from "vitest";
import { mp3Of } from "@/lib/testing/mp3";
import { MAX_DRAWN_SECONDS, waveformOf } from "./audio-peaks";
import { BucketPeaks } from "./bucket-sampling";
import { PeakAccumulator } from "./peak-accumulator";

// The work a waveform does is counted, not timed (issue #28: no timed assertions): how many
// samples reach the peak accumulators, the whole recording's or the sampled buckets'.
afterEach(() => vi.restoreAllMocks());
function countSamples() {
  const counted = { samples: 0 };
  const bucketAdd = BucketPeaks.prototype.add;
  const wholeAdd = PeakAccumulator.prototype.add;
  vi.spyOn(BucketPeaks.prototype, "add").mockImplementation(function (this: BucketPeaks, bucket, channels, length) {
    counted.samples += length * channels.length;
    return bucketAdd.call(this, bucket, channels, length);
  });
  vi.spyOn(PeakAccumulator.prototype, "add").mockImplementation(function (this: PeakAccumulator, ...args) {
    counted.samples += args[1] * args[0].length;
    return wholeAdd.apply(this, args);
  });
  return counted;
}

// WAV files built here, one per sample format the reader claims, each holding one second of
// silence then one second of a loud square wave: the peaks must show the step, whatever the format.

function wav(options: { tag: number; bits: number; channels?: number; extensible?: boolean; streamed?: boolean }) {
  const { tag, bits, channels = 1, extensible = false, streamed = false } = options;
  const rate = 8000;
  const bytesPerSample = bits / 8;
  const frames = rate * 2;
  const data = Buffer.alloc(frames * channels * bytesPerSample);
  for (let f = 0; f < frames; f++) {
    const loud = f >= rate;
    const positive = f % 40 < 20;
    for (let c = 0; c < channels; c++) {
      const at = (f * channels + c) * bytesPerSample;
      const level = loud ? (positive ? 0.8 : -0.8) : 0;
      if (tag === 1 && bits === 8) data.writeUInt8(Math.round(128 + level * 127), at);
      if (tag === 1 && bits === 16) data.writeInt16LE(Math.round(level * 32767), at);
      if (tag === 1 && bits === 24) data.writeIntLE(Math.round(level * 8388607), at, 3);
      if (tag === 3 && bits === 32) data.writeFloatLE(level, at);
      // G.711: 0xFF / 0xD5 are μ-law / A-law silence; 0x80 and 0x00 (μ-law), 0xAA and 0x2A (A-law) are near full scale.
      if (tag === 7) data.writeUInt8(loud ? (positive ? 0x80 : 0x00) : 0xff, at);
      if (tag === 6) data.writeUInt8(loud ? (positive ? 0xaa : 0x2a) : 0xd5, at);
    }
  }
  const fmtSize = extensible ? 40 : 16;
  const fmt = Buffer.alloc(8 + fmtSize);
  fmt.write("fmt ", 0);
  fmt.writeUInt32LE(fmtSize, 4);
  fmt.writeUInt16LE(extensible ? 0xfffe : tag, 8);
  fmt.writeUInt16LE(channels, 10);
  fmt.writeUInt32LE(rate, 12);
  fmt.writeUInt32LE(rate * channels * bytesPerSample, 16);
  fmt.writeUInt16LE(channels * bytesPerSample, 20);
  fmt.writeUInt16LE(bits, 22);
  if (extensible) fmt.writeUInt16LE(tag, 8 + 24);
  const list = Buffer.from("LIST\x04\x00\x00\x00INFO", "latin1"); // a chunk before the data, to be skipped
  const header = Buffer.alloc(12);
  header.write("RIFF", 0);
  header.write("WAVE", 8);
  const dataHeader = Buffer.alloc(8);
  dataHeader.write("data", 0);
  dataHeader.writeUInt32LE(streamed ? 0xffffffff : data.length, 4);
  return Buffer.concat([header, fmt, list, dataHeader, data]);
}

describe("waveformOf", () => {
  it.each([
    ["8-bit PCM", { tag: 1, bits: 8 }],
    ["16-bit PCM", { tag: 1, bits: 16 }],
    ["24-bit PCM stereo", { tag: 1, bits: 24, channels: 2 }],
    ["32-bit float", { tag: 3, bits: 32 }],
    ["μ-law", { tag: 7, bits: 8 }],
    ["A-law", { tag: 6, bits: 8 }],
    ["extensible 16-bit PCM", { tag: 1, bits: 16, extensible: true }],
    ["16-bit PCM with a streamed (unknown) data size", { tag: 1, bits: 16, streamed: true }],
  ])("reads %s: two seconds, silent then loud", async (_name, format) => {
    const result = await waveformOf(wav(format), { buckets: 100 });
    if (result.state !== "drawn") throw new Error(`not drawn: ${result.state}`);
    expect(result.durationSeconds).toBeCloseTo(2, 3);
    const peaks = Array.from(result.peaks);
    expect(peaks).toHaveLength(100);
    expect(Math.max(...peaks.slice(0, 49))).toBeLessThan(10);
    expect(Math.min(...peaks.slice(51))).toBeGreaterThan(245);
  });

  it("decodes MP3 through mpg123 and measures its length, across the decoder's input chunks", async () => {
    // 400 frames of MPEG-1 Layer III, 128 kb/s, 44.1 kHz, with empty side information: silence
    // (no MP3 encoder installs offline), 1152 samples a frame, 167 kB so fed in three chunks.
    const frame = Buffer.alloc(417);
    frame.set([0xff, 0xfb, 0x90, 0x00]);
    const result = await waveformOf(Buffer.concat(Array.from({ length: 400 }, () => frame)));
    if (result.state !== "drawn") throw new Error(`not drawn: ${result.state}`);
    expect(result.durationSeconds).toBeCloseTo((400 * 1152) / 44_100, 3);
    expect(Math.max(...result.peaks)).toBe(0);
  });

  it("has no waveform for a format it does not decode", async () => {
    expect(await waveformOf(Buffer.from("OggS not really"))).toEqual({ state: "unsupported" });
    expect(await waveformOf(wav({ tag: 0x11, bits: 4 }))).toEqual({ state: "unsupported" }); // IMA ADPCM
    expect(await waveformOf(Buffer.alloc(0))).toEqual({ state: "unsupported" });
  });

  // Issue #25, finding 6: reading past the end of a cut-short header threw (a 500 in the route).
  it("reads a WAV or MP3 cut short, or with no sound in it, as unreadable", async () => {
    const whole = wav({ tag: 1, bits: 16 });
    for (const cut of [16, 24, 30, 36])
      expect(await waveformOf(whole.subarray(0, cut)), `cut at ${cut}`).toEqual({ state: "unreadable" });
    const noData = Buffer.concat([whole.subarray(0, 36), Buffer.from("LIST\x04\x00\x00\x00INFO", "latin1")]);
    expect(await waveformOf(noData)).toEqual({ state: "unreadable" });
    expect(await waveformOf(Buffer.from("ID3\x04\x00\x00\x00\x00\x00\x00 then no frame at all"))).toEqual({
      state: "unreadable",
    });
  });

  // Issue #25, finding 2: the length comes from the frame headers, before any decoding.
  it("knows a recording over the cap is too long to draw without decoding it", async () => {
    const counted = countSamples();
    const result = await waveformOf(mp3Of([{ seconds: MAX_DRAWN_SECONDS + 60, gain: 0 }]));
    expect(result).toEqual({ state: "too-long", durationSeconds: expect.closeTo(MAX_DRAWN_SECONDS + 60, 0) });
    const longWav = wav({ tag: 1, bits: 16 });
    expect(await waveformOf(longWav, { maxSeconds: 1 })).toEqual({ state: "too-long", durationSeconds: 2 });
    expect(counted.samples).toBe(0);
  });

  it("draws a long MP3 from a sample of its frames, quiet where it is quiet and loud where it is loud", async () => {
    const result = await waveformOf(
      mp3Of([
        { seconds: 1800, gain: 0 },
        { seconds: 1800, gain: 185 },
        { seconds: 1800, gain: 0 },
      ]),
    );
    if (result.state !== "drawn") throw new Error(`not drawn: ${result.state}`);
    expect(result.durationSeconds).toBeCloseTo(5400, 0);
    expect(result.peaks).toHaveLength(800);
    const peaks = Array.from(result.peaks);
    expect(Math.max(...peaks.slice(0, 265), ...peaks.slice(535))).toBeLessThan(10);
    expect(Math.min(...peaks.slice(270, 530))).toBeGreaterThan(100);
  });

  it("draws a long WAV from a sample of its frames, quiet where it is quiet and loud where it is loud", async () => {
    // 45 min of 8 kHz μ-law (21.6 M samples, past the 16 M read whole): silence, 15 min near full scale, silence.
    const rate = 8000;
    const header = wav({ tag: 7, bits: 8 }).subarray(0, 36 + 12); // RIFF, fmt and the LIST chunk
    const data = Buffer.alloc(45 * 60 * rate, 0xff);
    data.fill(0x80, 15 * 60 * rate, 30 * 60 * rate);
    const dataHeader = Buffer.alloc(8);
    dataHeader.write("data", 0);
    dataHeader.writeUInt32LE(data.length, 4);
    const counted = countSamples();
    const result = await waveformOf(Buffer.concat([header, dataHeader, data]));
    if (result.state !== "drawn") throw new Error(`not drawn: ${result.state}`);
    // At most the 16 M samples a recording is read whole up to, spread over the buckets.
    expect(counted.samples).toBeLessThanOrEqual(16 * 1024 * 1024);
    expect(counted.samples).toBeGreaterThan(800);
    expect(result.durationSeconds).toBe(45 * 60);
    const peaks = Array.from(result.peaks);
    expect(peaks).toHaveLength(800);
    expect(Math.max(...peaks.slice(0, 265), ...peaks.slice(535))).toBeLessThan(10);
    expect(Math.min(...peaks.slice(268, 532))).toBe(255);
  });

  it("gives up a drawing past its decoding budget: too long to draw", async () => {
    const result = await waveformOf(mp3Of([{ seconds: 1800, gain: 185 }]), { budgetMs: 0 });
    expect(result).toEqual({ state: "too-long", durationSeconds: expect.closeTo(1800, 0) });
  });
});
