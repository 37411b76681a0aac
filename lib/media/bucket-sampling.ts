// A long recording's waveform from a bounded sample of it: the recording is cut into the
// waveform's buckets and only one short run at the start of each bucket is decoded, the run's
// loudest sample standing for its bucket's. The cost is then the same for a minute or for
// hours; the price is that a loud moment between two runs is not seen, which a waveform drawn
// ~100 bars wide (components/audio/waveform.tsx) can afford.

export interface Run {
  bucket: number;
  /** The first frame (a sample frame for WAV, an MPEG frame for MP3) and how many to read. */
  first: number;
  count: number;
}

/** One run per bucket, evenly spaced, at most `perBucket` frames each. */
export function sampledRuns(totalFrames: number, buckets: number, perBucket: number): Run[] {
  const runs: Run[] = [];
  for (let bucket = 0; bucket < buckets; bucket++) {
    const first = Math.floor((bucket * totalFrames) / buckets);
    const end = Math.floor(((bucket + 1) * totalFrames) / buckets);
    if (end > first) runs.push({ bucket, first, count: Math.min(perBucket, end - first) });
  }
  return runs;
}

/** The loudest absolute sample seen per bucket. */
export class BucketPeaks {
  readonly values: Float32Array;

  constructor(buckets: number) {
    this.values = new Float32Array(buckets);
  }

  add(bucket: number, channels: readonly Float32Array[], length: number): void {
    let peak = this.values[bucket]!;
    for (const channel of channels)
      for (let i = 0; i < length; i++) {
        const value = Math.abs(channel[i] ?? 0);
        if (value > peak) peak = value;
      }
    this.values[bucket] = peak;
  }
}
