import { readFile } from "node:fs/promises";
import path from "node:path";
import { LRUCache } from "lru-cache";
import { demoMediaEnabled } from "@/lib/demo-mode";
import { ConcurrencyGate } from "./concurrency-gate";
import { demoPicture } from "./demo-picture";
import { durationFromName, toneWavInTurns } from "./tone-wav";

// The demo's recordings, served by the app itself: spoken ones (voicemails, a recorded call) are
// committed files made at development time (scripts/demo-speech.ts), the rest are tones made
// here on first use; its photos (.png) are X-rays drawn here (demo-picture.ts). Nothing is downloaded, and the demo needs only Node. With the demo off
// (THREADLINE_DEMO=off, lib/demo-mode.ts) none of it answers: every way in (the demo-media route,
// the media and waveform routes for an attachment with a demo URL) goes through demoMediaBytes.

export const DEMO_MEDIA_PREFIX = "/api/demo-media/";
export const DEMO_MEDIA_NAME = /^[\w-]{1,80}\.(wav|png)$/;
/** Where the spoken recordings are, relative to the app's root (where `next start` runs). */
export const DEMO_SPEECH_DIR = "assets/demo-speech";
const SPEECH_NAME = /^speech-/;

async function spoken(name: string): Promise<Buffer | null> {
  try {
    // The name has passed DEMO_MEDIA_NAME: no separators, so it cannot leave the folder.
    return await readFile(path.join(process.cwd(), DEMO_SPEECH_DIR, name));
  } catch {
    return null;
  }
}

// Making a tone recording costs up to ~300 ms of CPU (300 s of sound), and a player asks for the
// same file again for every seek (Range): made (or read) once, kept in memory up to 32 MiB, least
// recently used first; one being made is shared by everyone asking for it meanwhile.
const made = new LRUCache<string, Buffer>({ maxSize: 32 * 1024 * 1024, sizeCalculation: (bytes) => bytes.byteLength });
const making = new Map<string, Promise<Buffer | null>>();
// Names are free-form (the seed is in the name), so anyone signed in could ask for many new ones
// at once: one is made at a time, a few wait, the rest are told to come back (503).
const makers = new ConcurrencyGate({
  overall: 1,
  perKey: 1,
  maxWaiting: 4,
  busyMessage: "demo recordings are being made; try again shortly",
});

/** What a demo media URL serves: a photo or a recording. */
export function demoMediaType(url: string): "image/png" | "audio/wav" {
  return url.endsWith(".png") ? "image/png" : "audio/wav";
}

function make(name: string): Promise<Buffer | null> {
  if (name.endsWith(".png")) return Promise.resolve(demoPicture(name));
  if (SPEECH_NAME.test(name)) return spoken(name);
  return makers.run("demo", () => toneWavInTurns(durationFromName(name), name));
}

/** The bytes behind an app-relative demo recording URL, or null if it names none or the demo is off. */
export async function demoMediaBytes(url: string): Promise<Buffer | null> {
  if (!demoMediaEnabled()) return null;
  const name = url.slice(DEMO_MEDIA_PREFIX.length);
  if (!url.startsWith(DEMO_MEDIA_PREFIX) || !DEMO_MEDIA_NAME.test(name)) return null;
  const cached = made.get(name);
  if (cached) return cached;
  let pending = making.get(name);
  if (!pending) {
    pending = make(name)
      .then((bytes) => {
        if (bytes) made.set(name, bytes);
        return bytes;
      })
      .finally(() => making.delete(name));
    making.set(name, pending);
  }
  return pending;
}
