// How WAV sample formats read as numbers in -1…1: integer PCM (8/16/24/32-bit), float (32/64-bit)
// and the telephone codecs G.711 μ-law and A-law, which is what call recordings in WAV carry.
// Compressed WAV (ADPCM, GSM) has no reader here.

const PCM = 1;
const FLOAT = 3;
const A_LAW = 6;
const MU_LAW = 7;

export interface WavFormat {
  tag: number;
  channels: number;
  sampleRate: number;
  bits: number;
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

/** Reads one sample at a byte offset, or null for a format not read here. */
export function sampleReader(format: WavFormat, view: DataView): ((offset: number) => number) | null {
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
