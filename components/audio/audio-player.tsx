"use client";
import { Download, Pause, Play, RotateCcw, RotateCw } from "lucide-react";
import { type KeyboardEvent, type Ref, useCallback, useEffect, useImperativeHandle, useRef, useState } from "react";
import { IconButton } from "@/components/ui/icon-button";
import { Select } from "@/components/ui/select";
import { formatDuration } from "@/lib/format";
import { claimPlayback, releasePlayback } from "./playback";
import { useWaveform, waveformUrlFor } from "./use-waveform";
import { Waveform } from "./waveform";

const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];
const SKIP_SECONDS = 15;
/** The slider's own arrow keys move less than the skip buttons: fine seeking within a sentence. */
const SLIDER_STEP_SECONDS = 5;

/** What a caller (a transcript, say) can do with a player it holds a ref to. */
export interface AudioPlayerHandle {
  /** Moves to `seconds` (clamped to the recording), playing or not. */
  seek(seconds: number): void;
  /** Starts playing (pausing any other player on the page). */
  play(): Promise<void>;
  pause(): void;
  readonly currentTime: number;
  readonly paused: boolean;
}

interface Props {
  src: string;
  label: string;
  /** Length the provider reported, shown until the audio's own metadata loads. */
  knownDurationSeconds?: number | null;
  /** The file name a download gets (by default the media route's id). */
  downloadName?: string;
  /** Where the waveform comes from; by default the media route's own (/api/media/:id/waveform); null: none. */
  waveformSrc?: string | null;
  /** Called as playback moves (several times a second while playing, and after every seek). */
  onTimeUpdate?: (seconds: number) => void;
  ref?: Ref<AudioPlayerHandle>;
  /** Hands out the audio element, for a transcript to seek it and follow its time. */
  onAudioElement?: (audio: HTMLAudioElement | null) => void;
}

/** A circular arrow with the seconds in it, as podcast players draw their skip buttons. */
function SkipIcon({ Icon }: { Icon: typeof RotateCw }) {
  return (
    <span className="relative inline-flex size-5 items-center justify-center" aria-hidden>
      <Icon className="absolute size-5" strokeWidth={1.5} />
      <span className="relative text-[7px] font-semibold leading-none">{SKIP_SECONDS}</span>
    </span>
  );
}

function finite(value: number | null | undefined): number | null {
  return value != null && Number.isFinite(value) && value > 0 ? value : null;
}

/**
 * Recording / voicemail player: play-pause, ±15 s, a waveform to seek on, elapsed/total (known
 * before playing), speed 0.5×–2×, download. With focus anywhere in it, Space plays or pauses and
 * ←/→ skip 15 s (the slider's own arrows move 5 s).
 */
export function AudioPlayer({
  src,
  label,
  knownDurationSeconds,
  downloadName,
  waveformSrc,
  onTimeUpdate,
  onAudioElement,
  ref,
}: Props) {
  const audioRef = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [current, setCurrent] = useState(0);
  const [metadataDuration, setMetadataDuration] = useState<number | null>(null);
  const [speed, setSpeed] = useState(1);
  const [failed, setFailed] = useState(false);
  const waveform = useWaveform(waveformSrc === undefined ? waveformUrlFor(src) : waveformSrc);
  // The audio's own length once its metadata loads; until then the provider's, or the length the
  // server measured when it drew the waveform.
  const duration =
    finite(metadataDuration) ?? finite(knownDurationSeconds) ?? finite(waveform.data?.durationSeconds) ?? null;

  useEffect(() => {
    if (audioRef.current) audioRef.current.playbackRate = speed;
  }, [speed]);

  useEffect(() => {
    const audio = audioRef.current;
    return () => {
      if (audio) releasePlayback(audio);
    };
  }, []);

  useEffect(() => {
    onAudioElement?.(audioRef.current);
    return () => onAudioElement?.(null);
  }, [onAudioElement]);

  const seek = useCallback(
    (seconds: number) => {
      const audio = audioRef.current;
      if (!audio) return;
      const end = finite(audio.duration) ?? duration ?? Number.POSITIVE_INFINITY;
      audio.currentTime = Math.min(Math.max(seconds, 0), end);
      setCurrent(audio.currentTime);
      onTimeUpdate?.(audio.currentTime);
    },
    [duration, onTimeUpdate],
  );

  const play = useCallback(async () => {
    const audio = audioRef.current;
    if (!audio) return;
    audio.playbackRate = speed;
    // Another player starting pauses this one before play() settles: that AbortError is no failure.
    await audio.play().catch((error: unknown) => {
      if (!(error instanceof DOMException && error.name === "AbortError")) setFailed(true);
    });
  }, [speed]);

  useImperativeHandle(
    ref,
    () => ({
      seek,
      play,
      pause: () => audioRef.current?.pause(),
      get currentTime() {
        return audioRef.current?.currentTime ?? 0;
      },
      get paused() {
        return audioRef.current?.paused ?? true;
      },
    }),
    [seek, play],
  );

  if (failed)
    return (
      <p className="text-xs text-text-muted" role="status">
        Recording unavailable (it could not be loaded).
      </p>
    );

  const toggle = () => {
    const audio = audioRef.current;
    if (!audio) return;
    if (audio.paused) void play();
    else audio.pause();
  };
  const skip = (delta: number) => seek((audioRef.current?.currentTime ?? 0) + delta);

  const onPlayerKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    if (event.isDefaultPrevented() || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    const onPlayer = target === event.currentTarget;
    const onSlider = target instanceof HTMLInputElement && target.type === "range";
    // Buttons keep Space (it presses them); the speed list and the download link keep all their keys.
    if (event.key === " " && (onPlayer || onSlider)) {
      event.preventDefault();
      toggle();
    } else if ((event.key === "ArrowLeft" || event.key === "ArrowRight") && (onPlayer || target.tagName === "BUTTON")) {
      event.preventDefault();
      skip(event.key === "ArrowLeft" ? -SKIP_SECONDS : SKIP_SECONDS);
    }
  };

  return (
    <fieldset
      aria-label={`${label} player`}
      aria-keyshortcuts="Space ArrowLeft ArrowRight"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the player itself takes focus, so Space and the arrows work on it as a whole
      tabIndex={0}
      onKeyDown={onPlayerKeyDown}
      className="flex w-full min-w-0 max-w-xl flex-wrap items-center gap-x-2 gap-y-1 rounded-control border border-border bg-surface/80 px-2 py-1.5 text-xs focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus"
      data-testid="audio-player"
    >
      {/* biome-ignore lint/a11y/useMediaCaption: providers send recordings without a transcript; there is no caption track to offer */}
      <audio
        ref={audioRef}
        src={src}
        preload="metadata"
        data-testid="audio-element"
        onPlay={(event) => {
          claimPlayback(event.currentTarget);
          setPlaying(true);
        }}
        onPause={() => setPlaying(false)}
        onEnded={() => setPlaying(false)}
        onTimeUpdate={(event) => {
          setCurrent(event.currentTarget.currentTime);
          onTimeUpdate?.(event.currentTarget.currentTime);
        }}
        onLoadedMetadata={(event) => setMetadataDuration(finite(event.currentTarget.duration))}
        onDurationChange={(event) => setMetadataDuration(finite(event.currentTarget.duration))}
        onError={() => setFailed(true)}
      />
      <div className="flex items-center gap-1">
        <IconButton label={`Back ${SKIP_SECONDS} seconds in ${label}`} size="sm" onClick={() => skip(-SKIP_SECONDS)}>
          <SkipIcon Icon={RotateCcw} />
        </IconButton>
        <IconButton label={`${playing ? "Pause" : "Play"} ${label}`} variant="primary" shape="round" onClick={toggle}>
          {playing ? <Pause className="size-3.5" aria-hidden /> : <Play className="size-3.5" aria-hidden />}
        </IconButton>
        <IconButton label={`Forward ${SKIP_SECONDS} seconds in ${label}`} size="sm" onClick={() => skip(SKIP_SECONDS)}>
          <SkipIcon Icon={RotateCw} />
        </IconButton>
      </div>
      <Waveform peaks={waveform.data?.peaks} state={waveform.data?.state} progress={duration ? current / duration : 0}>
        <input
          type="range"
          min={0}
          max={duration ?? 0}
          step={0.1}
          value={Math.min(current, duration ?? 0)}
          aria-label={`Seek ${label}`}
          aria-valuetext={`${formatDuration(current)} of ${formatDuration(duration)}`}
          onKeyDown={(event) => {
            // Arrow keys move 5 s (the range's own step of 0.1 s would take 50 presses to skip 5 s).
            const delta = {
              ArrowLeft: -SLIDER_STEP_SECONDS,
              ArrowDown: -SLIDER_STEP_SECONDS,
              ArrowRight: SLIDER_STEP_SECONDS,
              ArrowUp: SLIDER_STEP_SECONDS,
            }[event.key];
            if (!delta) return;
            event.preventDefault();
            skip(delta);
          }}
          onChange={(event) => seek(Number(event.target.value))}
          className="absolute inset-0 size-full cursor-pointer opacity-0"
        />
      </Waveform>
      <span className="tabular-nums whitespace-nowrap" data-testid="audio-clock">
        {formatDuration(current)} / {formatDuration(duration)}
      </span>
      <div className="ms-auto flex items-center gap-1">
        <label className="inline-flex items-center gap-1">
          <span className="sr-only">Playback speed for {label}</span>
          <Select controlSize="sm" value={speed} onChange={(event) => setSpeed(Number(event.target.value))}>
            {SPEEDS.map((value) => (
              <option key={value} value={value}>
                {value}×
              </option>
            ))}
          </Select>
        </label>
        <a
          href={src}
          download={downloadName ?? true}
          className="inline-flex items-center justify-center gap-1 rounded-control p-1 text-text hover:bg-surface-hover pointer-coarse:min-h-11 pointer-coarse:min-w-11"
          aria-label={`Download ${label}`}
          title={`Download ${label}`}
        >
          <Download className="size-3.5" aria-hidden />
        </a>
      </div>
    </fieldset>
  );
}
