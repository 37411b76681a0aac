// Folds decoded audio into a waveform without keeping the audio: the loudest sample of each short
// window is kept (a few floats per second of sound), and the windows are grouped into the stored
// buckets once the length is known. An hour at 44.1 kHz keeps about 1.2 M floats, not 160 M.

const WINDOW_SAMPLES = 128;

export interface Waveform {
  /** One byte per bucket: the loudest sample in that slice, 255 being the loudest of the recording. */
  peaks: Uint8Array;
  durationSeconds: number;
}

export class PeakAccumulator {
  private windows = new Float32Array(4096);
  private windowCount = 0;
  private inWindow = 0;
  private windowPeak = 0;
  private frames = 0;
  private sampleRate = 0;

  /** One block of audio: a channel array each (planar), all the same length, as decoders give it. */
  add(channels: readonly Float32Array[], length: number, sampleRate: number): void {
    if (sampleRate > 0) this.sampleRate = sampleRate;
    for (let i = 0; i < length; i++) {
      for (const channel of channels) {
        const value = Math.abs(channel[i] ?? 0);
        if (value > this.windowPeak) this.windowPeak = value;
      }
      if (++this.inWindow === WINDOW_SAMPLES) this.closeWindow();
    }
    this.frames += length;
  }

  private closeWindow(): void {
    if (this.windowCount === this.windows.length) {
      const grown = new Float32Array(this.windows.length * 2);
      grown.set(this.windows);
      this.windows = grown;
    }
    this.windows[this.windowCount++] = this.windowPeak;
    this.inWindow = 0;
    this.windowPeak = 0;
  }

  /** The waveform in at most `buckets` buckets, or null if no audio was added. */
  finish(buckets: number): Waveform | null {
    if (this.inWindow > 0) this.closeWindow();
    if (this.windowCount === 0 || this.sampleRate === 0) return null;
    const count = Math.min(buckets, this.windowCount);
    const grouped = new Float32Array(count);
    for (let w = 0; w < this.windowCount; w++) {
      const bucket = Math.min(count - 1, Math.floor((w * count) / this.windowCount));
      grouped[bucket] = Math.max(grouped[bucket]!, this.windows[w]!);
    }
    return { peaks: relativePeaks(grouped), durationSeconds: this.frames / this.sampleRate };
  }
}

/** Bucket peaks as bytes, 255 the loudest bucket. */
export function relativePeaks(grouped: Float32Array): Uint8Array {
  const loudest = grouped.reduce((max, value) => Math.max(max, value), 0);
  // Relative to the loudest moment: phone recordings are often quiet, and a waveform of a quiet
  // call drawn to full scale would be a flat line.
  return Uint8Array.from(grouped, (value) => (loudest > 0 ? Math.round((value / loudest) * 255) : 0));
}
