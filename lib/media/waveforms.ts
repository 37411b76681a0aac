import { getPrisma } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { mediaCredentialsOf } from "./account-credentials";
import { type Drawing, waveformOf } from "./audio-peaks";
import { ConcurrencyGate } from "./concurrency-gate";
import { DEMO_MEDIA_PREFIX, demoMediaBytes } from "./demo-media";
import { fetchRemoteMedia, MediaFetchError } from "./safe-fetch";
import type { WaveformAnswer } from "./waveform-types";

// A recording's waveform is computed once: on the first request for it, the audio is fetched the
// way the media route fetches it (same address policy, credentials, size cap, deadline), decoded,
// and the outcome stored in recording_waveforms. Every later request, from any viewer, reads that
// row. Outcomes without peaks (too long, unreadable, unsupported) are stored too, so a file is
// never fetched and decoded twice; a failed fetch is not stored (the host may answer next time).

interface Recording {
  id: string;
  url: string;
  message: { accountId: string };
}

interface StoredWaveform {
  peaks: Uint8Array<ArrayBuffer> | null;
  durationSeconds: number | null;
}

// Two viewers opening the same thread at once share one computation, not two downloads.
const computing = new Map<string, Promise<WaveformAnswer>>();

// Fetching and decoding hold up to 50 MiB and a share of the CPU each: two at a time on the
// server, one per account (so one account's recordings cannot hold every place), a bounded queue.
const drawing = new ConcurrencyGate({
  overall: 2,
  perKey: 1,
  maxWaiting: 32,
  busyMessage: "too many waveforms are being drawn; try again shortly",
});

/**
 * The state is kept in the two columns there are: peaks → "drawn"; no peaks with a length →
 * "too-long"; a length of 0 → "unreadable"; neither → "unsupported" (what rows written before
 * the states existed mean too).
 */
function rowOf(drawing: Drawing): StoredWaveform {
  if (drawing.state === "drawn")
    return { peaks: Uint8Array.from(drawing.peaks), durationSeconds: drawing.durationSeconds };
  if (drawing.state === "too-long") return { peaks: null, durationSeconds: drawing.durationSeconds };
  return { peaks: null, durationSeconds: drawing.state === "unreadable" ? 0 : null };
}

function answerOf(row: StoredWaveform): WaveformAnswer {
  if (row.peaks) return { state: "drawn", peaks: Array.from(row.peaks), durationSeconds: row.durationSeconds };
  if (row.durationSeconds === null) return { state: "unsupported", peaks: null, durationSeconds: null };
  if (row.durationSeconds === 0) return { state: "unreadable", peaks: null, durationSeconds: null };
  return { state: "too-long", peaks: null, durationSeconds: row.durationSeconds };
}

async function audioBytes(recording: Recording): Promise<Uint8Array> {
  if (recording.url.startsWith(DEMO_MEDIA_PREFIX)) {
    const demo = await demoMediaBytes(recording.url);
    if (!demo) throw new HttpError(404, "no such demo recording");
    return demo;
  }
  try {
    const media = await fetchRemoteMedia(recording.url, {
      credentials: await mediaCredentialsOf(recording.message.accountId),
      maxBytes: Number(process.env.MEDIA_FETCH_MAX_BYTES) || undefined,
      timeoutMs: Number(process.env.MEDIA_FETCH_TIMEOUT_MS) || undefined,
    });
    return new Uint8Array(await new Response(media.body).arrayBuffer());
  } catch (error) {
    if (error instanceof MediaFetchError) throw new HttpError(error.status, error.message);
    throw error;
  }
}

async function compute(recording: Recording): Promise<WaveformAnswer> {
  const data = await drawing.run(recording.message.accountId, async () =>
    rowOf(await waveformOf(await audioBytes(recording))),
  );
  const prisma = await getPrisma();
  // Another server process may have stored it meanwhile: the first row stays.
  const row = await prisma.recordingWaveform.upsert({
    where: { attachmentId: recording.id },
    create: { attachmentId: recording.id, ...data },
    update: {},
  });
  return answerOf(row);
}

/** The waveform of a recording the viewer may already read (the caller checked its scope). */
export async function waveformFor(recording: Recording): Promise<WaveformAnswer> {
  const prisma = await getPrisma();
  const stored = await prisma.recordingWaveform.findUnique({ where: { attachmentId: recording.id } });
  if (stored) return answerOf(stored);
  let pending = computing.get(recording.id);
  if (!pending) {
    pending = compute(recording).finally(() => computing.delete(recording.id));
    computing.set(recording.id, pending);
  }
  return pending;
}
