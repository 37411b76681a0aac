"use client";

import { ChevronRight, Sparkles } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import type { Message } from "@/components/inbox-data/api-types";
import { cn } from "@/components/ui/cn";
import { HighlightedText } from "@/components/ui/highlighted-text";
import { estimatedSentenceTimes } from "@/lib/calls/estimated-sentence-times";
import { formatDuration } from "@/lib/format";

type Transcript = NonNullable<Message["transcript"]>;
type Sentence = Transcript["sentences"][number];

/** Consecutive sentences of one speaker, as one turn. */
function turnsOf(sentences: Sentence[]) {
  const turns: Array<{ speaker: string | null; sentences: Array<{ sentence: Sentence; index: number }> }> = [];
  sentences.forEach((sentence, index) => {
    const last = turns.at(-1);
    if (last && last.speaker === sentence.speaker) last.sentences.push({ sentence, index });
    else turns.push({ speaker: sentence.speaker, sentences: [{ sentence, index }] });
  });
  return turns;
}

/** The sentence being spoken at this time, or -1. */
function spokenAt(sentences: Sentence[], ms: number): number {
  return sentences.findIndex(
    (sentence) =>
      sentence.startMs !== null && sentence.startMs <= ms && ms < (sentence.endMs ?? sentence.startMs + 1500),
  );
}

/** Follows the audio's time while it plays (timeupdate is a few times a second: enough to follow speech). */
function useAudioTimeMs(audio: HTMLAudioElement | null): number | null {
  const [ms, setMs] = useState<number | null>(null);
  useEffect(() => {
    if (!audio) return;
    const update = () => setMs(audio.paused && audio.currentTime === 0 ? null : audio.currentTime * 1000);
    for (const name of ["timeupdate", "seeked", "play", "pause"]) audio.addEventListener(name, update);
    return () => {
      for (const name of ["timeupdate", "seeked", "play", "pause"]) audio.removeEventListener(name, update);
    };
  }, [audio]);
  return ms;
}

interface Props {
  transcript: Transcript;
  /** The call's player, when it has a recording: sentences with times seek it. */
  audio: HTMLAudioElement | null;
  /** Unfolded from the start (the call a search for something said in it opened). */
  open?: boolean;
  /** The call's length: an untimed (Voice AI) transcript's sentences get times spread over it. */
  durationSeconds?: number | null;
}

/** A call's summary, its extracted facts, and its transcript folded below with speaker turns. */
export function CallTranscript({ transcript, audio, open = false, durationSeconds = null }: Props) {
  // A Voice AI report's turns have no times: seeking goes to about where each was said.
  const estimated = !transcript.timed && audio !== null && (durationSeconds ?? 0) > 0;
  const sentences = useMemo(
    () => (estimated ? estimatedSentenceTimes(transcript.sentences, durationSeconds! * 1000) : transcript.sentences),
    [estimated, transcript.sentences, durationSeconds],
  );
  const turns = useMemo(() => turnsOf(sentences), [sentences]);
  const timeMs = useAudioTimeMs(audio);
  const spoken = timeMs === null ? -1 : spokenAt(sentences, timeMs);
  const seekable = (transcript.timed || estimated) && audio !== null;

  return (
    <div className="space-y-2 border-t border-border-subtle pt-2" data-testid="call-transcript">
      {transcript.summary && (
        <div data-testid="call-summary">
          <p className="mb-0.5 flex items-center gap-1 text-[11px] font-medium uppercase tracking-wide text-text-muted">
            <Sparkles className="size-3" aria-hidden /> Summary
          </p>
          <p className="whitespace-pre-line text-sm">
            <HighlightedText text={transcript.summary} />
          </p>
        </div>
      )}
      {transcript.facts.length > 0 && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs" data-testid="call-facts">
          {transcript.facts.map((fact) => (
            <div key={fact.label} className="contents">
              <dt className="text-text-muted">{fact.label}</dt>
              <dd className="font-medium">{fact.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {transcript.sentences.length > 0 && (
        <details className="group text-sm" open={open}>
          <summary className="flex cursor-pointer list-none items-center gap-1 rounded-control text-xs font-medium text-accent-text outline-none focus-visible:ring-2 focus-visible:ring-focus">
            <ChevronRight className="size-3.5 transition-transform group-open:rotate-90" aria-hidden />
            Transcript ({transcript.sentences.length} {transcript.sentences.length === 1 ? "sentence" : "sentences"})
          </summary>
          <ol className="mt-1.5 space-y-1.5" data-testid="transcript-turns">
            {turns.map((turn) => (
              <li key={turn.sentences[0]!.index}>
                {turn.speaker && <p className="text-[11px] font-semibold text-text-muted">{turn.speaker}</p>}
                <p>
                  {turn.sentences.map(({ sentence, index }) =>
                    seekable && sentence.startMs !== null ? (
                      <button
                        key={index}
                        type="button"
                        data-testid="transcript-sentence"
                        data-start-ms={sentence.startMs}
                        aria-current={index === spoken ? "true" : undefined}
                        data-estimated={estimated || undefined}
                        title={`Play from ${estimated ? "about " : ""}${formatDuration(sentence.startMs / 1000)}`}
                        onClick={() => {
                          audio!.currentTime = sentence.startMs! / 1000;
                          void audio!.play().catch(() => undefined);
                        }}
                        className={cn(
                          // Hover underlines (a tint of the bubble was invisible on white); the sentence
                          // being played has a fill of its own that shows in both themes.
                          "mr-1 inline rounded-[4px] px-0.5 text-left underline-offset-2 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-focus",
                          index === spoken && "bg-spoken font-medium text-text",
                        )}
                      >
                        <HighlightedText text={sentence.text} />
                      </button>
                    ) : (
                      <span key={index} data-testid="transcript-sentence" className="mr-1">
                        <HighlightedText text={sentence.text} />
                      </span>
                    ),
                  )}
                </p>
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
