import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { waveformOf } from "@/lib/media/audio-peaks";
import { DEMO_MEDIA_PREFIX, DEMO_SPEECH_DIR, demoMediaBytes } from "@/lib/media/demo-media";
import { PeakAccumulator } from "@/lib/media/peak-accumulator";
import { durationFromName } from "@/lib/media/tone-wav";
import { readWav } from "@/lib/media/wav-pcm";
import { demoTranscripts } from "./call-stories";
import { generateDemoEvents } from "./generate";
import { SPEECH_RECORDINGS } from "./speech-manifest";
import { SPEECH_SCRIPTS } from "./speech-scripts";

// Issue #14 item 7: the demo's voicemails (and its transcribed call) say what their transcript
// says, at the times it says it.

/** The samples of a WAV, through the same reader the waveforms use. */
class Samples extends PeakAccumulator {
  values: number[] = [];
  rate = 0;
  override add(channels: readonly Float32Array[], length: number, sampleRate: number): void {
    for (let i = 0; i < length; i++) this.values.push(channels[0]![i]!);
    this.rate = sampleRate;
    super.add(channels, length, sampleRate);
  }
}

function loudness(values: number[], rate: number, fromMs: number, toMs: number): number {
  const slice = values.slice(Math.floor((fromMs * rate) / 1000), Math.floor((toMs * rate) / 1000));
  return Math.sqrt(slice.reduce((sum, value) => sum + value * value, 0) / Math.max(slice.length, 1));
}

afterEach(() => vi.unstubAllEnvs());

describe("the demo's spoken recordings", () => {
  it("the manifest is up to date with the scripts: every line, in order, by its speaker", () => {
    expect(SPEECH_RECORDINGS.map((recording) => recording.id)).toEqual(SPEECH_SCRIPTS.map((script) => script.id));
    for (const script of SPEECH_SCRIPTS) {
      const recording = SPEECH_RECORDINGS.find((candidate) => candidate.id === script.id)!;
      expect(recording.sentences.map(({ speaker, text }) => ({ speaker, text }))).toEqual(
        script.lines.map(({ speaker, text }) => ({ speaker, text })),
      );
    }
  });

  it("are committed, small, 8 kHz WAVs as long as stated, speaking exactly where the manifest says", async () => {
    const files = readdirSync(DEMO_SPEECH_DIR).filter((name) => name.endsWith(".wav"));
    expect(files.sort()).toEqual(SPEECH_RECORDINGS.map((recording) => recording.file).sort());
    let total = 0;
    for (const recording of SPEECH_RECORDINGS) {
      const bytes = readFileSync(path.join(DEMO_SPEECH_DIR, recording.file));
      total += bytes.byteLength;
      expect(durationFromName(recording.file)).toBe(recording.seconds);
      expect(await waveformOf(bytes), recording.file).toMatchObject({
        state: "drawn",
        durationSeconds: recording.seconds,
      });
      const samples = new Samples();
      expect(await readWav(bytes, samples)).toBe(true);
      expect(samples.rate).toBe(8000);
      let previousEnd = 0;
      for (const sentence of recording.sentences) {
        expect(sentence.startMs, sentence.text).toBeGreaterThanOrEqual(previousEnd);
        expect(sentence.endMs).toBeGreaterThan(sentence.startMs + 500);
        // Speech inside each sentence; silence in the gap before it.
        expect(loudness(samples.values, 8000, sentence.startMs, sentence.endMs), sentence.text).toBeGreaterThan(0.05);
        expect(loudness(samples.values, 8000, previousEnd + 20, sentence.startMs - 20)).toBeLessThan(0.01);
        previousEnd = sentence.endMs;
      }
      expect(previousEnd).toBeLessThan(recording.seconds * 1000);
      expect(loudness(samples.values, 8000, previousEnd + 20, recording.seconds * 1000)).toBeLessThan(0.01);
    }
    expect(total).toBeLessThan(1.5 * 1024 * 1024);
  });

  it("are what the demo's media URLs serve", async () => {
    vi.stubEnv("THREADLINE_DEMO", "on");
    for (const recording of SPEECH_RECORDINGS)
      expect(
        (await demoMediaBytes(`${DEMO_MEDIA_PREFIX}${recording.file}`))?.equals(
          readFileSync(path.join(DEMO_SPEECH_DIR, recording.file)),
        ),
      ).toBe(true);
    expect(await demoMediaBytes(`${DEMO_MEDIA_PREFIX}speech-nothing-9s.wav`)).toBeNull();
  });
});

describe("the demo's voicemails and transcribed calls", () => {
  const events = generateDemoEvents(Date.UTC(2026, 10, 23)).filter((event) => event.provider === "highlevel");
  const transcripts = new Map(
    demoTranscripts(events).map((transcript) => [transcript.messageExternalId, transcript.sentences]),
  );
  const recordingOf = (url: string) => SPEECH_RECORDINGS.find((recording) => url.endsWith(`/${recording.file}`));

  it("every voicemail is spoken, lasts as long as its recording, and has that recording's transcript", () => {
    const voicemails = events
      .map(({ payload }) => payload)
      .filter((payload) => payload.messageType === "VoiceMail" || payload.callStatus === "voicemail");
    expect(voicemails.length).toBeGreaterThan(5);
    for (const voicemail of voicemails) {
      const recording = recordingOf(String((voicemail.attachments as string[])[0]));
      expect(recording, String(voicemail.messageId)).toBeDefined();
      expect(voicemail.callDuration).toBe(recording!.seconds);
      expect(transcripts.get(String(voicemail.messageId))).toEqual(
        recording!.sentences.map((sentence) => ({ ...sentence, confidence: 0.9 })),
      );
    }
    // Both languages, both directions.
    const spoken = new Set(
      voicemails.map((voicemail) => recordingOf(String((voicemail.attachments as string[])[0]))!.id),
    );
    for (const id of ["vm-in-en", "vm-in-es", "vm-out-en"])
      expect([...spoken].some((name) => name.startsWith(id))).toBe(true);
  });

  it("some answered calls say the call script, with its transcript; only spoken recordings have transcripts", () => {
    const spokenCalls = events
      .map(({ payload }) => payload)
      .filter((payload) => payload.callStatus === "completed" && Array.isArray(payload.attachments))
      .filter((payload) => recordingOf(String((payload.attachments as string[])[0]))?.id === "call-crown");
    expect(spokenCalls.length).toBeGreaterThan(3);
    for (const call of spokenCalls) {
      expect(call.callDuration).toBe(recordingOf(String((call.attachments as string[])[0]))!.seconds);
      expect(transcripts.get(String(call.messageId))?.[0]?.text).toBe("Sunset Dental, good morning, this is Ana.");
    }
    for (const { payload } of events)
      if (transcripts.has(String(payload.messageId)))
        expect(recordingOf(String((payload.attachments as string[])[0]))).toBeDefined();
  });
});
