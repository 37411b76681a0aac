// MP3 files built in tests, since no encoder installs offline: frames of MPEG-2.5 Layer III,
// 8 kb/s, 8 kHz mono (72 bytes for 72 ms of sound: the smallest frames there are, as in the
// crafted recording of issue #25), either silent (empty side information) or noise at a chosen
// loudness (random Huffman-coded values, which decode to noise whatever the bits are).

const FRAME_BYTES = 72;
export const MP3_FRAME_SECONDS = 576 / 8000;
const HEADER = [0xff, 0xe3, 0x18, 0xc0]; // MPEG-2.5, Layer III, no CRC, 8 kb/s, 8 kHz, mono
const SIDE_INFO_BYTES = 9;

function bitWriter(into: Uint8Array, start: number) {
  let bit = start * 8;
  return (value: number, width: number) => {
    for (let i = width - 1; i >= 0; i--, bit++) if ((value >> i) & 1) into[bit >> 3]! |= 0x80 >> (bit & 7);
  };
}

/** One frame: silent for gain 0, else noise, louder as gain grows (about 0.03 of full scale at 170). */
export function mp3Frame(gain: number, random: () => number = Math.random): Uint8Array {
  const frame = new Uint8Array(FRAME_BYTES);
  frame.set(HEADER);
  if (gain === 0) return frame;
  const put = bitWriter(frame, 4);
  const mainBits = (FRAME_BYTES - 4 - SIDE_INFO_BYTES) * 8;
  put(0, 8); // main_data_begin: no bit reservoir, each frame stands alone
  put(0, 1); // private bits
  put(mainBits, 12); // part2_3_length
  put(120, 9); // big_values: the 240 lowest lines (about 290 of the 472 bits; the rest are count1 quads)
  put(gain, 8); // global_gain
  put(0, 9); // scalefac_compress: no scale factors
  put(0, 1); // no window switching
  for (let region = 0; region < 3; region++) put(1, 5); // Huffman table 1 everywhere
  put(7, 4); // region0_count
  put(7, 3); // region1_count
  put(0, 1); // scalefac_scale
  put(0, 1); // count1table_select
  for (let i = 4 + SIDE_INFO_BYTES; i < FRAME_BYTES; i++) frame[i] = Math.floor(random() * 256);
  return frame;
}

/** An MP3 of these stretches, each `seconds` long at `gain`, as one buffer. */
export function mp3Of(stretches: ReadonlyArray<{ seconds: number; gain: number }>): Buffer {
  const frames = stretches.reduce((sum, { seconds }) => sum + Math.round(seconds / MP3_FRAME_SECONDS), 0);
  const bytes = Buffer.alloc(frames * FRAME_BYTES);
  let at = 0;
  let seed = 1;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  for (const { seconds, gain } of stretches) {
    const silent = gain === 0 ? mp3Frame(0) : null;
    for (let i = Math.round(seconds / MP3_FRAME_SECONDS); i > 0; i--, at += FRAME_BYTES)
      bytes.set(silent ?? mp3Frame(gain, random), at);
  }
  return bytes;
}
