import { getPrisma } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { mediaCredentialsOf } from "./account-credentials";
import { waveformOf } from "./audio-peaks";
import { fetchRemoteMedia, MediaFetchError } from "./safe-fetch";
import { DEMO_MEDIA_PREFIX, demoMediaBytes } from "./demo-media";
import type { WaveformAnswer } from "./waveform-types";

// A recording's waveform is computed once: on the first request for it, the audio is fetched the
// way the media route fetches it (same address policy, credentials, size cap), decoded, and its
// peaks stored in recording_waveforms. Every later request, from any viewer, reads that row.
// Audio we cannot decode is stored as "no waveform" so it is not fetched again; a failed fetch
// is not stored (the host may answer next time).

interface Recording {
  id: string;
  url: string;
  message: { accountId: string };
}

// Two viewers opening the same thread at once share one computation, not two downloads.
const computing = new Map<string, Promise<WaveformAnswer>>();

function answerOf(row: { peaks: Uint8Array | null; durationSeconds: number | null }): WaveformAnswer {
  return { peaks: row.peaks ? Array.from(row.peaks) : null, durationSeconds: row.durationSeconds };
}

async function audioBytes(recording: Recording): Promise<Uint8Array> {
  if (recording.url.startsWith(DEMO_MEDIA_PREFIX)) {
    const demo = demoMediaBytes(recording.url);
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
  const waveform = await waveformOf(await audioBytes(recording));
  const prisma = await getPrisma();
  const data = {
    peaks: waveform ? Uint8Array.from(waveform.peaks) : null,
    durationSeconds: waveform?.durationSeconds ?? null,
  };
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
