import type { PeakAccumulator } from "./peak-accumulator";

// WAV read directly, no decoder: integer PCM (8/16/24/32-bit), float (32/64-bit) and the
// telephone codecs G.711 μ-law and A-law, which is what call recordings in WAV carry. Compressed
// WAV (ADPCM, GSM) is not read: null, and the player goes without a waveform.

const PCM = 1;
const FLOAT = 3;
const A_LAW = 6;
const MU_LAW = 7;
const EXTENSIBLE = 0xfffe;
const BLOCK_FRAMES = 8192;

interface Format {
  tag: number;
  channels: number;
  sampleRate: number;
  bits: number;
}

export function isWav(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WAVE";
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function muLaw(byte: number): number {
  const u = ~byte & 0xff;
  const magnitude = ((((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4)) - 0x84;
  return (u & 0x80 ? -magnitude : magnitude) / 32768;
}

function aLaw(byte: number): number {
  const a = byte ^ 0x55;
  const exponent = (a & 0x70) >> 4;
  let magnitude = (a & 0x0f) << 4;
  magnitude = exponent === 0 ? magnitude + 8 : (magnitude + 0x108) << (exponent - 1);
  return (a & 0x80 ? magnitude : -magnitude) / 32768;
}

function sampleReader(format: Format, view: DataView): ((offset: number) => number) | null {
  const { tag, bits } = format;
  if (tag === PCM && bits === 8) return (o) => (view.getUint8(o) - 128) / 128;
  if (tag === PCM && bits === 16) return (o) => view.getInt16(o, true) / 32768;
  if (tag === PCM && bits === 24)
    return (o) => ((view.getUint8(o + 2) << 24) | (view.getUint8(o + 1) << 16) | (view.getUint8(o) << 8)) / 2 ** 31;
  if (tag === PCM && bits === 32) return (o) => view.getInt32(o, true) / 2 ** 31;
  if (tag === FLOAT && bits === 32) return (o) => view.getFloat32(o, true);
  if (tag === FLOAT && bits === 64) return (o) => view.getFloat64(o, true);
  if (tag === MU_LAW && bits === 8) return (o) => muLaw(view.getUint8(o));
  if (tag === A_LAW && bits === 8) return (o) => aLaw(view.getUint8(o));
  return null;
}

function readFormat(view: DataView, start: number, size: number): Format | null {
  if (size < 16) return null;
  let tag = view.getUint16(start, true);
  // WAVE_FORMAT_EXTENSIBLE names the real format in the first two bytes of its sub-format GUID.
  if (tag === EXTENSIBLE && size >= 26) tag = view.getUint16(start + 24, true);
  return {
    tag,
    channels: view.getUint16(start + 2, true),
    sampleRate: view.getUint32(start + 4, true),
    bits: view.getUint16(start + 14, true),
  };
}

/** Feeds a WAV file's samples to the accumulator; false if it is not a WAV this reads. */
export function readWav(bytes: Uint8Array, into: PeakAccumulator): boolean {
  if (!isWav(bytes)) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let format: Format | null = null;
  for (let offset = 12; offset + 8 <= bytes.length; ) {
    const id = ascii(bytes, offset, 4);
    const declared = view.getUint32(offset + 4, true);
    const start = offset + 8;
    // Streamed recorders leave the data size at 0 or 0xFFFFFFFF: the data runs to the end.
    const size = id === "data" && (declared === 0 || start + declared > bytes.length) ? bytes.length - start : declared;
    if (id === "fmt ") format = readFormat(view, start, size);
    if (id === "data") return format ? readData(format, view, start, size, into) : false;
    offset = start + size + (size % 2); // chunks are padded to an even length
  }
  return false;
}

function readData(format: Format, view: DataView, start: number, size: number, into: PeakAccumulator): boolean {
  const read = sampleReader(format, view);
  const { channels, sampleRate } = format;
  if (!read || channels < 1 || channels > 16 || sampleRate < 1) return false;
  const bytesPerSample = format.bits / 8;
  const frameBytes = bytesPerSample * channels;
  const frames = Math.floor(size / frameBytes);
  const block = Array.from({ length: channels }, () => new Float32Array(BLOCK_FRAMES));
  for (let first = 0; first < frames; first += BLOCK_FRAMES) {
    const length = Math.min(BLOCK_FRAMES, frames - first);
    for (let f = 0; f < length; f++) {
      const frameStart = start + (first + f) * frameBytes;
      for (let c = 0; c < channels; c++) block[c]![f] = read(frameStart + c * bytesPerSample);
    }
    into.add(block, length, sampleRate);
  }
  return frames > 0;
}
