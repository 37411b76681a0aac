"use client";

import { Download, Pause, Play } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { IconButton } from "@/components/ui/icon-button";
import { Select } from "@/components/ui/select";
import { formatDuration } from "@/lib/format";

const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2];

interface Props {
  src: string;
  label: string;
  /** Length the provider reported, shown until the audio's own metadata loads. */
  knownDurationSeconds?: number | null;
}

/** Recording / voicemail player: play-pause, seek, elapsed/total, speed 0.5×–2×, download. */
export function AudioPlayer({ src, label, knownDurationSeconds }: Props) {
  const audioRef = useRef<HTMLAudioElement>(null);
  const [playing, setPlaying] = useState(false);
  const [current, setCurrent] = useState(0);
  const [duration, setDuration] = useState<number | null>(knownDurationSeconds ?? null);
  const [speed, setSpeed] = useState(1);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (audioRef.current) audioRef.current.playbackRate = speed;
  }, [speed]);

  if (failed)
    return (
      <p className="text-xs text-text-muted" role="status">
        Recording unavailable (it could not be loaded).
      </p>
    );

  const toggle = async () => {
    const audio = audioRef.current;
    if (!audio) return;
    if (audio.paused) {
      audio.playbackRate = speed;
      await audio.play().catch(() => setFailed(true));
    } else {
      audio.pause();
    }
  };

  return (
    <div
      className="flex flex-wrap items-center gap-2 rounded-control border border-border bg-surface/80 px-2 py-1.5 text-xs"
      data-testid="audio-player"
    >
      {/* biome-ignore lint/a11y/useMediaCaption: providers send recordings without a transcript; there is no caption track to offer */}
      <audio
        ref={audioRef}
        src={src}
        preload="metadata"
        data-testid="audio-element"
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => setPlaying(false)}
        onTimeUpdate={(event) => setCurrent(event.currentTarget.currentTime)}
        onLoadedMetadata={(event) =>
          Number.isFinite(event.currentTarget.duration) && setDuration(event.currentTarget.duration)
        }
        onError={() => setFailed(true)}
      />
      <IconButton label={`${playing ? "Pause" : "Play"} ${label}`} variant="primary" shape="round" onClick={toggle}>
        {playing ? <Pause className="size-3.5" aria-hidden /> : <Play className="size-3.5" aria-hidden />}
      </IconButton>
      <input
        type="range"
        min={0}
        max={duration ?? 0}
        step={0.1}
        value={Math.min(current, duration ?? 0)}
        aria-label={`Seek ${label}`}
        onChange={(event) => {
          const time = Number(event.target.value);
          if (audioRef.current) audioRef.current.currentTime = time;
          setCurrent(time);
        }}
        className="w-28 sm:w-40"
      />
      <span className="tabular-nums" data-testid="audio-clock">
        {formatDuration(current)} / {formatDuration(duration)}
      </span>
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
        download
        className="inline-flex items-center gap-1 rounded-control p-1 text-text hover:bg-surface-hover"
        aria-label={`Download ${label}`}
        title={`Download ${label}`}
      >
        <Download className="size-3.5" aria-hidden />
      </a>
    </div>
  );
}
