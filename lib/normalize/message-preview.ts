import { type CallOutcome, type Channel, type Direction, describeCall } from "@/lib/vocabulary";
import { previewOf } from "./html-text";

/** What a list preview is made of: ingestion stores one per conversation, the filtered list makes one per row. */
export interface PreviewFacts {
  channel: Channel;
  direction: Direction;
  subject: string | null;
  bodyText: string | null;
  callOutcome: CallOutcome | null;
  attachmentCount: number;
  /** A call's summary (Voice AI): its first line is the call's preview. */
  callSummary?: string | null;
}

/** The first non-empty line of a call's summary. */
export function summaryFirstLine(summary: string | null | undefined): string | null {
  const line = (summary ?? "").split(/\r?\n/).find((part) => part.trim());
  return line ? (previewOf(line) ?? null) : null;
}

/** One line for the conversation list: subject and text, else what the message was (a call, a voicemail, files). */
export function messagePreview(facts: PreviewFacts): string | null {
  if (facts.channel === "call" || facts.channel === "voicemail") {
    const summary = summaryFirstLine(facts.callSummary);
    if (summary) return summary;
  }
  const text = previewOf(
    facts.subject && facts.bodyText ? `${facts.subject} — ${facts.bodyText}` : (facts.subject ?? facts.bodyText),
  );
  if (text) return text;
  if (facts.channel === "voicemail") return facts.direction === "inbound" ? "Voicemail" : "Voicemail drop";
  if (facts.channel === "call") return describeCall(facts.direction, facts.callOutcome);
  if (facts.attachmentCount > 0)
    return facts.attachmentCount === 1 ? "Attachment" : `${facts.attachmentCount} attachments`;
  return null;
}
