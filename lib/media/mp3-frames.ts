import { DecodeBudget } from "./decode-budget";

// An MP3's frames found from their 4-byte headers, without decoding: where each starts, how long
// it is, and so how long the recording lasts. Reading headers is cheap (a 45 MiB file of the
// smallest frames, 13 h of sound, in milliseconds), so the length is known before any decoding,
// and the decoder is then given only the frames it needs (mp3-peaks.ts).

export interface Mp3Frames {
  /** Byte offset of each frame, then its length: [offset0, length0, offset1, length1, …]. */
  table: Uint32Array;
  count: number;
  sampleRate: number;
  samplesPerFrame: number;
  /** The length; when the scan stopped early (past `maxSeconds`), an estimate from the bytes read. */
  durationSeconds: number;
  /** False when the scan stopped early: `table` then holds the frames up to that point only. */
  complete: boolean;
}

interface Header {
  /** Version, layer and sample rate: every frame of one stream has the same. */
  kind: number;
  length: number;
  sampleRate: number;
  samplesPerFrame: number;
}

const KBPS = {
  v1: [
    [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448], // Layer I
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384], // Layer II
    [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320], // Layer III
  ],
  v2: [
    [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  ],
};
// Indexed by the header's version bits: 0 MPEG-2.5, 1 reserved, 2 MPEG-2, 3 MPEG-1.
const SAMPLE_RATES = [[11025, 12000, 8000], null, [22050, 24000, 16000], [44100, 48000, 32000]];

function headerAt(bytes: Uint8Array, at: number): Header | null {
  if (at + 4 > bytes.length || bytes[at] !== 0xff || (bytes[at + 1]! & 0xe0) !== 0xe0) return null;
  const b1 = bytes[at + 1]!;
  const b2 = bytes[at + 2]!;
  const version = (b1 >> 3) & 3;
  const layer = 4 - ((b1 >> 1) & 3); // 1, 2, 3 (4: reserved)
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  const rates = SAMPLE_RATES[version];
  // Free-format (bitrate 0) frames have no length in their header: not read.
  if (!rates || layer === 4 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const sampleRate = rates[rateIndex]!;
  const bitrate = (version === 3 ? KBPS.v1 : KBPS.v2)[layer - 1]![bitrateIndex]! * 1000;
  const padding = (b2 >> 1) & 1;
  const lsf = version !== 3; // MPEG-2 and 2.5: half as many samples per Layer III frame
  let length: number;
  let samplesPerFrame: number;
  if (layer === 1) {
    length = (Math.floor((12 * bitrate) / sampleRate) + padding) * 4;
    samplesPerFrame = 384;
  } else if (layer === 3 && lsf) {
    length = Math.floor((72 * bitrate) / sampleRate) + padding;
    samplesPerFrame = 576;
  } else {
    length = Math.floor((144 * bitrate) / sampleRate) + padding;
    samplesPerFrame = 1152;
  }
  return { kind: (version << 4) | (layer << 2) | rateIndex, length, sampleRate, samplesPerFrame };
}

/** Where the audio starts: after an ID3v2 tag, whose size is written 7 bits a byte. */
function audioStart(bytes: Uint8Array): number {
  if (bytes.length < 10 || bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) return 0;
  const size = ((bytes[6]! & 0x7f) << 21) | ((bytes[7]! & 0x7f) << 14) | ((bytes[8]! & 0x7f) << 7) | (bytes[9]! & 0x7f);
  const footer = bytes[5]! & 0x10 ? 10 : 0;
  return Math.min(bytes.length, 10 + size + footer);
}

/** A Xing/Info or VBRI frame first is the encoder's table of contents, not sound. */
function isInfoFrame(bytes: Uint8Array, at: number, length: number): boolean {
  const frame = Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(length, bytes.length - at));
  return frame.includes("Xing") || frame.includes("Info") || frame.includes("VBRI");
}

/**
 * The frames of an MP3, or null if none is found. A stream's first frame counts only when another
 * frame of the same kind follows it (or it ends the file), so a stray 0xFF in a tag is no frame;
 * bytes between frames (junk, a damaged stretch) are skipped until the next header of that kind.
 * The scan yields to other requests as decoding does; its cost is bounded by the file's size (the
 * fetch caps it), and it stops once the frames passed `maxSeconds`: past that length the rest
 * of the file only changes how long it is, which is then estimated from the bytes read.
 */
export async function scanMp3(bytes: Uint8Array, maxSeconds = Number.POSITIVE_INFINITY): Promise<Mp3Frames | null> {
  const turns = new DecodeBudget(Number.POSITIVE_INFINITY);
  const start = audioStart(bytes);
  let table = new Uint32Array(8192);
  let count = 0;
  let first: Header | null = null;
  let steps = 0;
  let at = start;
  while (at + 4 <= bytes.length) {
    if (++steps % 4096 === 0) await turns.tick();
    const header = headerAt(bytes, at);
    const fits = header !== null && at + header.length <= bytes.length;
    const accepted =
      fits &&
      (first
        ? header.kind === first.kind
        : at + header.length === bytes.length || headerAt(bytes, at + header.length)?.kind === header.kind);
    if (!accepted) {
      at++;
      continue;
    }
    first ??= header;
    if (count === 0 && isInfoFrame(bytes, at, header.length)) {
      at += header.length;
      continue;
    }
    if (count * 2 === table.length) {
      const grown = new Uint32Array(table.length * 2);
      grown.set(table);
      table = grown;
    }
    table[count * 2] = at;
    table[count * 2 + 1] = header.length;
    count++;
    at += header.length;
    if ((count * header.samplesPerFrame) / header.sampleRate > maxSeconds) break;
  }
  if (!first || count === 0) return null;
  const scanned = (count * first.samplesPerFrame) / first.sampleRate;
  const complete = at + 4 > bytes.length;
  return {
    table,
    count,
    sampleRate: first.sampleRate,
    samplesPerFrame: first.samplesPerFrame,
    durationSeconds: complete ? scanned : (scanned * (bytes.length - start)) / (at - start),
    complete,
  };
}
