import type { TranscriptSentence } from "@/lib/providers/contract";
import { DEMO_MEDIA_PREFIX } from "@/lib/media/demo-media";
import type { Language } from "./content";
import { SPEECH_RECORDINGS } from "./speech-manifest";
import { SPEECH_SCRIPTS, type SpeechRecording } from "./speech-scripts";

// Which spoken recording a demo voicemail or recorded call gets, and the transcript that goes
// with it: the recording's own lines at the times measured from its audio, so what the page
// highlights is what is being said. Its duration is the recording's length.

export interface DemoSpeech {
  url: string;
  seconds: number;
}

const recordingOf = new Map(SPEECH_RECORDINGS.map((recording) => [recording.id, recording]));

function speechOf(recording: SpeechRecording): DemoSpeech {
  return { url: `${DEMO_MEDIA_PREFIX}${recording.file}`, seconds: recording.seconds };
}

/** Picks by a stable key (no random draw, so the rest of the demo stays as it was). */
function pickByKey<T>(items: T[], key: string): T {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return items[hash % items.length]!;
}

function recordingsOf(kind: "voicemail-in" | "voicemail-out" | "call", language: Language): SpeechRecording[] {
  return SPEECH_SCRIPTS.filter((script) => script.kind === kind && script.language === language).map(
    (script) => recordingOf.get(script.id)!,
  );
}

/** A voicemail a customer left (inbound) or the front desk left on a customer's phone (outbound). */
export function voicemailSpeech(direction: "inbound" | "outbound", language: Language, key: string): DemoSpeech {
  const spoken = recordingsOf(direction === "inbound" ? "voicemail-in" : "voicemail-out", language);
  return speechOf(pickByKey(spoken, key));
}

/** The recorded call whose transcript the demo shows (in English: the front desk works in both). */
export function callSpeech(): DemoSpeech {
  return speechOf(recordingsOf("call", "en")[0]!);
}

/** The transcript of a spoken demo recording (by its URL), or null for a recording without speech. */
export function speechTranscript(url: string): TranscriptSentence[] | null {
  const recording = SPEECH_RECORDINGS.find((candidate) => url === `${DEMO_MEDIA_PREFIX}${candidate.file}`);
  if (!recording) return null;
  return recording.sentences.map((sentence) => ({ ...sentence, confidence: 0.9 }));
}
