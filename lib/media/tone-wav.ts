import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { seededRandom } from "./seeded-random";

// Demo recordings, made here rather than downloaded: a WAV of soft tones whose pitch pattern
// (and loudness) comes from a seed, so every demo call sounds a little different and is the same every run.

const SAMPLE_RATE = 8_000;

/** Samples written between two turns of the event loop when made for a request (about 5 ms). */
const SAMPLES_PER_TURN = 16_000;

/** Writes the WAV, pausing (yield) every SAMPLES_PER_TURN samples; returns it when done. */
function* writeToneWav(seconds: number, seed: string): Generator<void, Buffer> {
  const samples = Math.round(seconds * SAMPLE_RATE);
  const buffer = Buffer.alloc(44 + samples * 2);
  buffer.write("RIFF", 0);
  buffer.writeUInt32LE(36 + samples * 2, 4);
  buffer.write("WAVEfmt ", 8);
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20); // PCM
  buffer.writeUInt16LE(1, 22); // mono
  buffer.writeUInt32LE(SAMPLE_RATE, 24);
  buffer.writeUInt32LE(SAMPLE_RATE * 2, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write("data", 36);
  buffer.writeUInt32LE(samples * 2, 40);
  const random = seededRandom(seed);
  const syllable = Math.round(SAMPLE_RATE * 0.25);
  let frequency = 220;
  let loudness = 1;
  for (let i = 0; i < samples; i++) {
    // Each syllable its own pitch and loudness, and one in five a pause, so a recording's
    // waveform looks like speech rather than a flat band.
    if (i % syllable === 0) {
      frequency = 180 + random() * 260;
      loudness = random() < 0.2 ? 0 : 0.25 + random() * 0.75;
    }
    const envelope = Math.sin((Math.PI * (i % syllable)) / syllable) * loudness;
    const value = Math.sin((2 * Math.PI * frequency * i) / SAMPLE_RATE) * envelope * 0.3;
    buffer.writeInt16LE(Math.round(value * 32767), 44 + i * 2);
    if ((i + 1) % SAMPLES_PER_TURN === 0) yield;
  }
  return buffer;
}

export function toneWav(seconds: number, seed: string): Buffer {
  const writer = writeToneWav(seconds, seed);
  for (;;) {
    const step = writer.next();
    if (step.done) return step.value;
  }
}

/** The same WAV, made a slice at a time: a 300 s tone is ~300 ms of CPU, not to be held in one go. */
export async function toneWavInTurns(seconds: number, seed: string): Promise<Buffer> {
  const writer = writeToneWav(seconds, seed);
  for (;;) {
    const step = writer.next();
    if (step.done) return step.value;
    await yieldToEventLoop();
  }
}

/** "voicemail-12s-ana.wav" → 12 seconds (default 8, at most 300). */
export function durationFromName(name: string): number {
  const match = /-(\d{1,3})s(?:-|\.)/.exec(name);
  return Math.min(Math.max(match ? Number(match[1]) : 8, 1), 300);
}
