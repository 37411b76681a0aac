import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { MP3_FRAME_SECONDS } from "@/lib/testing/mp3";
import { GET as health } from "@/app/api/health/route";
import { GET as waveform } from "@/app/api/media/[id]/waveform/route";
import { waveformAnswerSchema } from "@/lib/media/waveform-types";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { mp3Of } from "@/lib/testing/mp3";
import { conversationByExternalId, conversationMessages } from "@/lib/testing/read-api";
import { postWebhook } from "@/lib/testing/webhooks";

// Issue #25, finding 2: a crafted MP3 of the smallest frames (72 bytes for 72 ms) decoded to
// hours of sound, and one waveform request held the server's CPU for a minute or more. These
// recordings are built here (lib/testing/mp3.ts), served from loopback, and what is checked is the
// work each request does, not how long it takes (issue #28: no timed assertions): how much of the
// recording reaches the decoder. The real decoder runs; it only counts what it is handed.

const decoded = { calls: 0, bytes: 0 };
vi.mock("mpg123-decoder", async (importOriginal) => {
  const real = await importOriginal<typeof import("mpg123-decoder")>();
  class CountingDecoder extends real.MPEGDecoder {
    constructor(...options: ConstructorParameters<typeof real.MPEGDecoder>) {
      super(...options);
      const decode = this.decode.bind(this);
      this.decode = (bytes: Uint8Array) => {
        decoded.calls += 1;
        decoded.bytes += bytes.length;
        return decode(bytes);
      };
    }
  }
  return { ...real, MPEGDecoder: CountingDecoder };
});

/** A sampled decode's ceiling (lib/media/mp3-peaks.ts): 800 runs of 4 frames, each after at most 9 warm-up frames. */
const SAMPLED_FRAMES_AT_MOST = 800 * (4 + 9);
const FRAME_BYTES = 72;

const HOUR = 3600;
/** 12 h of noise: 43 MB, under the 50 MiB fetch cap, three times the 4 h drawing cap. */
const TWELVE_HOURS = mp3Of([{ seconds: 12 * HOUR, gain: 170 }]);
/** 3.5 h, under the cap: quiet for the first half, loud for the second. */
const THREE_AND_A_HALF_HOURS = mp3Of([
  { seconds: 1.75 * HOUR, gain: 0 },
  { seconds: 1.75 * HOUR, gain: 185 },
]);

let upstream: http.Server;
let base: string;

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const bytes = req.url?.startsWith("/twelve-hours") ? TWELVE_HOURS : THREE_AND_A_HALF_HOURS;
    res.writeHead(200, { "content-type": "audio/mpeg", "content-length": String(bytes.length) }).end(bytes);
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  base = `127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(() => upstream.close());
beforeEach(async () => {
  await resetDatabase();
  vi.stubEnv("MEDIA_FETCH_ALLOW_HOSTS", base);
  decoded.calls = 0;
  decoded.bytes = 0;
});
afterEach(() => vi.unstubAllEnvs());

async function recording(url: string, location = "loc-long"): Promise<string> {
  await postWebhook("highlevel", {
    type: "InboundMessage",
    locationId: location,
    conversationId: `conv-${location}`,
    messageId: `m-${Math.random()}`,
    messageType: "SMS",
    direction: "inbound",
    body: "voice note",
    attachments: [url],
  });
  const { id } = await conversationByExternalId(`conv-${location}`);
  const { body } = await conversationMessages(id);
  return body.messages.at(-1)!.attachments[0]!.id;
}

/** Asks the waveform route for its answer. */
async function askWaveform(id: string, headers: Record<string, string>) {
  const response = await waveform(new Request(`http://localhost/api/media/${id}/waveform`, { headers }), {
    params: Promise.resolve({ id }),
  });
  const answer = waveformAnswerSchema.parse(await response.json());
  return { status: response.status, answer };
}

/** Calls the health route back to back until stopped: how many times it answered. */
function pingHealth() {
  let answers = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      expect((await health(new Request("http://localhost/api/health"), undefined)).status).toBe(200);
      answers += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return answers;
  };
}

describe("waveforms of long recordings (issue #25)", () => {
  it("answers a 12 h MP3 as too long to draw from its frame headers alone, the health route answering meanwhile", async () => {
    const id = await recording(`http://${base}/twelve-hours.mp3`);
    const viewer = await createSignedInUser({
      accounts: [{ accountId: await accountIdOf("highlevel", "loc-long") }],
    });
    const stop = pingHealth();
    const { status, answer } = await askWaveform(id, viewer.headers);
    expect(await stop()).toBeGreaterThan(0);
    expect(status).toBe(200);
    expect(answer).toEqual({ state: "too-long", peaks: null, durationSeconds: expect.closeTo(12 * HOUR, 0) });
    // Not one frame decoded: its length is read from the headers.
    expect(decoded).toEqual({ calls: 0, bytes: 0 });
    // Stored: asking again neither fetches nor decodes.
    expect((await askWaveform(id, viewer.headers)).answer.state).toBe("too-long");
    expect(decoded.calls).toBe(0);
  }, 180_000);

  it("draws two 3.5 h MP3s at once from a bounded sample of their frames, the health route answering meanwhile", async () => {
    const locations = ["loc-long-a", "loc-long-b"];
    const ids = [];
    for (const location of locations) ids.push(await recording(`http://${base}/long-${location}.mp3`, location));
    const viewer = await createSignedInUser({
      accounts: await Promise.all(
        locations.map(async (location) => ({ accountId: await accountIdOf("highlevel", location) })),
      ),
    });
    const stop = pingHealth();
    const answers = await Promise.all(ids.map((id) => askWaveform(id, viewer.headers)));
    expect(await stop()).toBeGreaterThan(0);
    const framesEach = Math.round((3.5 * HOUR) / MP3_FRAME_SECONDS);
    console.info(
      `2 × 3.5 h MP3 (${framesEach} frames each): ${decoded.calls} decoder calls, ${Math.round(decoded.bytes / FRAME_BYTES)} frames decoded`,
    );
    // Each recording: one frame per call, at most 800 runs' worth — about 6 % of its frames.
    expect(decoded.calls).toBeLessThanOrEqual(2 * SAMPLED_FRAMES_AT_MOST);
    expect(decoded.bytes).toBeLessThanOrEqual(2 * SAMPLED_FRAMES_AT_MOST * FRAME_BYTES);
    expect(decoded.calls).toBeGreaterThanOrEqual(2 * 800 * 4);
    for (const { status, answer } of answers) {
      expect(status).toBe(200);
      expect(answer.state).toBe("drawn");
      expect(answer.durationSeconds).toBeCloseTo(3.5 * HOUR, 0);
      const peaks = answer.peaks!;
      expect(peaks).toHaveLength(800);
      // Quiet, then loud: the sample of frames shows where the sound is.
      expect(Math.max(...peaks.slice(0, 395))).toBeLessThan(10);
      expect(Math.min(...peaks.slice(405))).toBeGreaterThan(100);
    }
  }, 180_000);
});
