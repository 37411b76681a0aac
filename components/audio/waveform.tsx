import { type ReactNode, useId, useMemo } from "react";
import { cn } from "@/components/ui/cn";
import type { WaveformState } from "@/lib/media/waveform-types";

// The recording's waveform as SVG bars, played part in the accent colour, with the seek slider
// laid over it: the slider is the control (keyboard, screen readers, Playwright's fill), the
// bars are what a person sees and clicks on. Without peaks (loading, or audio we cannot decode)
// it is a plain track, and the slider works the same; when the server says why there is none
// (too long to draw, unreadable), the track says so, and the player still plays the recording.

const BARS = 96;
const HEIGHT = 32;
const MIN_BAR = 1.5; // silence still shows as a dot on the line, not a gap

/** Peaks (0-255, any count) grouped into `BARS` heights in 0-1, each the loudest of its group. */
function barsOf(peaks: readonly number[]): number[] {
  const count = Math.min(BARS, peaks.length);
  const bars = new Array<number>(count).fill(0);
  peaks.forEach((peak, index) => {
    const bar = Math.min(count - 1, Math.floor((index * count) / peaks.length));
    bars[bar] = Math.max(bars[bar]!, peak / 255);
  });
  return bars;
}

/** What the track says when the server drew no waveform; nothing while loading or for a format it does not draw. */
const NOTES: Partial<Record<WaveformState, string>> = {
  "too-long": "Too long to draw a waveform",
  unreadable: "Unreadable recording: no waveform",
};

interface Props {
  peaks: readonly number[] | null | undefined;
  state?: WaveformState | undefined;
  /** 0-1: how much has been played. */
  progress: number;
  /** The seek slider, stretched over the bars. */
  children: ReactNode;
}

export function Waveform({ peaks, state, progress, children }: Props) {
  const clipId = useId();
  const bars = useMemo(() => (peaks && peaks.length > 0 ? barsOf(peaks) : null), [peaks]);
  const played = Math.min(Math.max(progress, 0), 1) * BARS;
  const note = bars || !state ? undefined : NOTES[state];
  const slot = bars ? BARS / bars.length : 1;
  // Keyed by their place on the time axis, which is what a bar is.
  const shapes = bars
    ?.map((height, index) => ({ x: index * slot, height: Math.max(MIN_BAR, height * HEIGHT) }))
    .map(({ x, height }) => (
      <rect key={x} x={x + slot * 0.2} width={slot * 0.6} y={(HEIGHT - height) / 2} height={height} rx={0.3} />
    ));
  return (
    <div
      className={cn(
        // Taller on a touch screen: the seek bar under it is a 44 px tap target.
        "relative h-8 min-w-32 flex-1 basis-40 rounded-control pointer-coarse:h-11",
        "has-[input:focus-visible]:outline-2 has-[input:focus-visible]:outline-offset-2 has-[input:focus-visible]:outline-focus",
      )}
    >
      <svg
        viewBox={`0 0 ${BARS} ${HEIGHT}`}
        preserveAspectRatio="none"
        className="absolute inset-0 size-full"
        aria-hidden
        data-testid="waveform"
        data-state={bars ? "drawn" : "track"}
      >
        <defs>
          <clipPath id={clipId}>
            <rect x={0} y={0} width={played} height={HEIGHT} />
          </clipPath>
        </defs>
        {shapes ? (
          <>
            <g className="fill-border-strong">{shapes}</g>
            <g className="fill-accent" clipPath={`url(#${clipId})`} data-testid="waveform-played">
              {shapes}
            </g>
          </>
        ) : (
          <>
            <rect x={0} y={HEIGHT / 2 - 1} width={BARS} height={2} className="fill-border-strong" />
            <rect x={0} y={HEIGHT / 2 - 1} width={played} height={2} className="fill-accent" />
          </>
        )}
        <rect x={played - 0.25} y={0} width={0.5} height={HEIGHT} className="fill-accent" />
      </svg>
      {note ? (
        <span
          className="pointer-events-none absolute inset-x-0 top-0 truncate text-center text-[0.6875rem] leading-none text-text-muted"
          data-testid="waveform-note"
          data-state={state}
        >
          {note}
        </span>
      ) : null}
      {children}
    </div>
  );
}
