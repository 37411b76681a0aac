import { crc32, deflateSync } from "node:zlib";
import { seededRandom } from "./seeded-random";

// The demo's photos (an X-ray a patient texts), made here rather than downloaded, like its
// recordings (tone-wav.ts): a grey PNG of three teeth, a little different for every name.

const WIDTH = 320;
const HEIGHT = 240;

const inEllipse = (x: number, y: number, cx: number, cy: number, rx: number, ry: number) =>
  ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

/** How bright an X-ray is at (x, y): bone light, pulp and the gaps dark. */
function shade(x: number, y: number, teeth: number[]): number {
  for (const cx of teeth) {
    if (inEllipse(x, y, cx, 100, 11, 22)) return 110; // pulp
    if (inEllipse(x, y, cx, 92, 40, 48)) return 215; // crown
    if (inEllipse(x, y, cx - 15, 170, 11, 58) || inEllipse(x, y, cx + 15, 170, 11, 58)) return 175; // roots
  }
  return 30;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.byteLength);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, sum]);
}

/** An 8-bit greyscale PNG of an X-ray, the same bytes for the same name. */
export function demoPicture(name: string): Buffer {
  const random = seededRandom(name);
  const teeth = [70, 160, 250].map((cx) => cx + Math.round((random() - 0.5) * 16));
  // Each row starts with its filter byte (0: none).
  const pixels = Buffer.alloc((WIDTH + 1) * HEIGHT);
  for (let y = 0; y < HEIGHT; y++)
    for (let x = 0; x < WIDTH; x++)
      pixels[y * (WIDTH + 1) + 1 + x] = Math.min(255, shade(x, y, teeth) + Math.floor(random() * 18));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
