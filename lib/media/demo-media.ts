import { readFileSync } from "node:fs";
import path from "node:path";
import { LRUCache } from "lru-cache";
import { durationFromName, toneWav } from "./tone-wav";

// The demo's recordings, served by the app itself: spoken ones (voicemails, a recorded call) are
// committed files made at development time (scripts/demo-speech.ts), the rest are tones made
// here on first use. Nothing is downloaded, and the demo needs only Node.

export const DEMO_MEDIA_PREFIX = "/api/demo-media/";
export const DEMO_MEDIA_NAME = /^[\w-]{1,80}\.wav$/;
/** Where the spoken recordings are, relative to the app's root (where `next start` runs). */
export const DEMO_SPEECH_DIR = "assets/demo-speech";
const SPEECH_NAME = /^speech-/;

function spoken(name: string): Buffer | null {
  try {
    // The name has passed DEMO_MEDIA_NAME: no separators, so it cannot leave the folder.
    return readFileSync(path.join(process.cwd(), DEMO_SPEECH_DIR, name));
  } catch {
    return null;
  }
}

// Making a tone recording costs about 110 ms of CPU per answer, and a player asks for the same
// file again for every seek (Range): made (or read) once, kept in memory up to 32 MiB, least
// recently used first.
const made = new LRUCache<string, Buffer>({ maxSize: 32 * 1024 * 1024, sizeCalculation: (bytes) => bytes.byteLength });

/** The bytes behind an app-relative demo recording URL, or null if it names none. */
export function demoMediaBytes(url: string): Buffer | null {
  const name = url.slice(DEMO_MEDIA_PREFIX.length);
  if (!url.startsWith(DEMO_MEDIA_PREFIX) || !DEMO_MEDIA_NAME.test(name)) return null;
  let bytes = made.get(name);
  if (!bytes) {
    const found = SPEECH_NAME.test(name) ? spoken(name) : toneWav(durationFromName(name), name);
    if (!found) return null;
    bytes = found;
    made.set(name, bytes);
  }
  return bytes;
}
