import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEMO_SPEECH_DIR } from "@/lib/media/demo-media";
import { SPEECH_SCRIPTS, type SpeechRecording } from "@/lib/demo/speech-scripts";

// Development time only (the demo needs nothing of this): speaks every demo speech script with
// espeak-ng (`apt-get install espeak-ng`), one line at a time, and writes the recordings the demo
// serves, 8 kHz mono G.711 μ-law WAV (a telephone recording, 8 KB a second), into DEMO_SPEECH_DIR,
// plus lib/demo/speech-manifest.ts with where each line starts and ends, measured from the audio.
//   npm run demo:speech

const RATE = 8_000;
const LEAD_MS = 400;
const SAME_SPEAKER_GAP_MS = 350;
const TURN_GAP_MS = 650;
const MIN_TAIL_MS = 400;
const SILENCE = 0.01; // below this (of full scale) a sample counts as silence when trimming

/** espeak-ng's WAV (16-bit mono, 22050 Hz, streamed: the data runs to the end) as samples and rate. */
function speak(voiceName: string, text: string): { samples: Float32Array; rate: number } {
  const wav = execFileSync("espeak-ng", ["-v", voiceName, "-s", "150", "--stdout", text], { maxBuffer: 1 << 26 });
  if (wav.toString("latin1", 0, 4) !== "RIFF" || wav.readUInt16LE(22) !== 1 || wav.readUInt16LE(34) !== 16)
    throw new Error(`espeak-ng did not answer 16-bit mono WAV for ${JSON.stringify(text)}`);
  const rate = wav.readUInt32LE(24);
  const data = wav.subarray(44);
  const samples = new Float32Array(Math.floor(data.length / 2));
  for (let i = 0; i < samples.length; i++) samples[i] = data.readInt16LE(i * 2) / 32768;
  return { samples, rate };
}

/** Windowed-sinc resampling to 8 kHz, low-passed at 3.6 kHz (a telephone's band), so nothing aliases. */
function resample(input: Float32Array, from: number): Float32Array {
  const step = from / RATE;
  const cutoff = 3_600 / from; // cycles per input sample
  const half = 24;
  const output = new Float32Array(Math.floor(input.length / step));
  for (let n = 0; n < output.length; n++) {
    const t = n * step;
    const centre = Math.floor(t);
    let sum = 0;
    let weights = 0;
    for (let k = centre - half + 1; k <= centre + half; k++) {
      const x = t - k;
      const sinc = x === 0 ? 1 : Math.sin(2 * Math.PI * cutoff * x) / (2 * Math.PI * cutoff * x);
      const window = 0.5 + 0.5 * Math.cos((Math.PI * x) / half); // Hann
      const weight = sinc * window;
      weights += weight;
      if (k >= 0 && k < input.length) sum += input[k]! * weight;
    }
    output[n] = sum / weights;
  }
  return output;
}

/** The line without espeak's leading and trailing silence. */
function trim(samples: Float32Array): Float32Array {
  let first = 0;
  let last = samples.length - 1;
  while (first < last && Math.abs(samples[first]!) < SILENCE) first++;
  while (last > first && Math.abs(samples[last]!) < SILENCE) last--;
  return samples.subarray(first, last + 1);
}

/** G.711 μ-law, as telephone systems record. */
function muLaw(value: number): number {
  let sample = Math.max(-32_635, Math.min(32_635, Math.round(value * 32_767)));
  const sign = sample < 0 ? 0x80 : 0;
  if (sign) sample = -sample;
  sample += 0x84;
  let exponent = 7;
  for (let mask = 0x4000; (sample & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (sample >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

function muLawWav(samples: Float32Array): Buffer {
  const header = Buffer.alloc(58);
  header.write("RIFF", 0);
  header.writeUInt32LE(50 + samples.length + (samples.length % 2), 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(18, 16);
  header.writeUInt16LE(7, 20); // WAVE_FORMAT_MULAW
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE, 28); // bytes per second
  header.writeUInt16LE(1, 32); // block align
  header.writeUInt16LE(8, 34); // bits per sample
  header.writeUInt16LE(0, 36); // no extra format bytes
  header.write("fact", 38); // non-PCM formats say their sample count
  header.writeUInt32LE(4, 42);
  header.writeUInt32LE(samples.length, 46);
  header.write("data", 50);
  header.writeUInt32LE(samples.length, 54);
  const data = Buffer.alloc(samples.length + (samples.length % 2), 0xff); // 0xff: μ-law silence
  for (let i = 0; i < samples.length; i++) data[i] = muLaw(samples[i]!);
  return Buffer.concat([header, data]);
}

const ms = (milliseconds: number) => Math.round((milliseconds * RATE) / 1000);

function record(script: (typeof SPEECH_SCRIPTS)[number]): { recording: SpeechRecording; wav: Buffer } {
  const parts: Array<{ at: number; samples: Float32Array }> = [];
  const sentences: SpeechRecording["sentences"] = [];
  let at = ms(LEAD_MS);
  script.lines.forEach((line, index) => {
    if (index > 0) at += ms(line.speaker === script.lines[index - 1]!.speaker ? SAME_SPEAKER_GAP_MS : TURN_GAP_MS);
    const spoken = speak(line.voice, line.text);
    const samples = trim(resample(spoken.samples, spoken.rate));
    parts.push({ at, samples });
    sentences.push({
      speaker: line.speaker,
      startMs: Math.floor((at * 1000) / RATE),
      endMs: Math.ceil(((at + samples.length) * 1000) / RATE),
      text: line.text,
    });
    at += samples.length;
  });
  // Whole seconds, so the call's stated duration is exactly the recording's length.
  const seconds = Math.ceil((at + ms(MIN_TAIL_MS)) / RATE);
  const audio = new Float32Array(seconds * RATE);
  for (const part of parts) audio.set(part.samples, part.at);
  const peak = audio.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
  for (let i = 0; i < audio.length; i++) audio[i] = (audio[i]! / peak) * 0.8;
  const file = `speech-${script.id}-${seconds}s.wav`;
  return { recording: { id: script.id, file, seconds, sentences }, wav: muLawWav(audio) };
}

function main() {
  mkdirSync(DEMO_SPEECH_DIR, { recursive: true });
  for (const old of readdirSync(DEMO_SPEECH_DIR)) if (old.endsWith(".wav")) rmSync(path.join(DEMO_SPEECH_DIR, old));
  const recordings: SpeechRecording[] = [];
  let total = 0;
  for (const script of SPEECH_SCRIPTS) {
    const { recording, wav } = record(script);
    writeFileSync(path.join(DEMO_SPEECH_DIR, recording.file), wav);
    recordings.push(recording);
    total += wav.length;
    console.log(`${recording.file}: ${recording.seconds} s, ${wav.length} bytes`);
  }
  const manifest = path.join("lib", "demo", "speech-manifest.ts");
  writeFileSync(
    manifest,
    `import type { SpeechRecording } from "./speech-scripts";

// Made by scripts/demo-speech.ts from speech-scripts.ts, with the recordings in ${DEMO_SPEECH_DIR}/:
// do not edit, run the script again. Times are measured from the audio.

export const SPEECH_RECORDINGS: SpeechRecording[] = ${JSON.stringify(recordings, null, 2)};
`,
  );
  execFileSync("npx", ["biome", "format", "--write", manifest], { stdio: "inherit" });
  console.log(`${recordings.length} recordings, ${total} bytes in all`);
}

main();
