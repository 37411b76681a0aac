import type { MappedEvent, TranscriptSentence } from "@/lib/providers/contract";
import { voiceAiCallEndSchema } from "./schemas";

// HighLevel's VoiceAiCallEnd: the report of a call an AI voice agent took. Its transcript is
// text with one "speaker: words" line per turn (no times); the speakers' words are HighLevel's
// own ("bot"/"human", "agent"/"user"), shown as who they were to the business.

const SPEAKER_NAMES: Record<string, string> = {
  bot: "AI agent",
  agent: "AI agent",
  assistant: "AI agent",
  ai: "AI agent",
  human: "Caller",
  user: "Caller",
  customer: "Caller",
  caller: "Caller",
  contact: "Caller",
};

const TURN = /^\s*([A-Za-z][\w .-]{0,24}?)\s*:\s*(.+)$/;

/** Speaker turns of a Voice AI transcript; a line without a speaker continues the previous turn. */
export function parseVoiceAiTranscript(transcript: string | null | undefined): TranscriptSentence[] {
  const sentences: TranscriptSentence[] = [];
  for (const line of (transcript ?? "").split(/\r?\n/)) {
    if (!line.trim()) continue;
    const turn = TURN.exec(line);
    const previous = sentences.at(-1);
    if (!turn && previous) {
      previous.text = `${previous.text} ${line.trim()}`;
      continue;
    }
    const label = turn?.[1]?.trim() ?? null;
    sentences.push({
      speaker: label ? (SPEAKER_NAMES[label.toLowerCase()] ?? label) : null,
      startMs: null,
      endMs: null,
      text: (turn?.[2] ?? line).trim(),
      confidence: null,
    });
  }
  return sentences;
}

export function mapVoiceAiCallEnd(payload: unknown, receivedAt: Date): MappedEvent {
  const event = voiceAiCallEndSchema.parse(payload);
  const customer = event.contactId
    ? [{ kind: "customer" as const, customer: { externalId: event.contactId, versionAt: null } }]
    : [];
  const extracted = event.extractedData && Object.keys(event.extractedData).length > 0 ? event.extractedData : null;
  return {
    account: { provider: "highlevel", externalId: event.locationId },
    operations: [
      ...customer,
      {
        kind: "call.report",
        report: {
          // Without a messageId the call is its own: named after the Voice AI call.
          messageExternalId: event.messageId || `voice-ai:${event.id}`,
          voiceAiCallId: event.id,
          agentId: event.agentId ?? null,
          customerExternalId: event.contactId ?? null,
          fromNumber: event.fromNumber ?? null,
          sentAt: event.createdAt ?? event.timestamp ?? receivedAt,
          durationSeconds: event.duration ? event.duration : null,
          summary: event.summary?.trim() || null,
          sentences: parseVoiceAiTranscript(event.transcript),
          extractedData: extracted,
        },
      },
    ],
  };
}
