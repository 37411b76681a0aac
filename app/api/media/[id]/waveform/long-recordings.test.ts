import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
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
// recordings are built here (lib/testing/mp3.ts), served from loopback, and the server must
// answer within 5 s while another route keeps answering. The figures are generous for a loaded
// 2-core machine; the unbounded decoder took 20-60 s for the first file.

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

/** Asks the waveform route; resolves with the answer and how long it took. */
async function timedWaveform(id: string, headers: Record<string, string>) {
  const started = performance.now();
  const response = await waveform(new Request(`http://localhost/api/media/${id}/waveform`, { headers }), {
    params: Promise.resolve({ id }),
  });
  const answer = waveformAnswerSchema.parse(await response.json());
  return { status: response.status, answer, ms: performance.now() - started };
}

/** Calls the health route back to back until stopped: how long each answer took. */
function pingHealth() {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      expect((await health(new Request("http://localhost/api/health"), undefined)).status).toBe(200);
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return latencies;
  };
}

describe("waveforms of long recordings (issue #25)", () => {
  it("answers a 12 h MP3 as too long to draw in under 5 s, with the health route answering meanwhile", async () => {
    const id = await recording(`http://${base}/twelve-hours.mp3`);
    const viewer = await createSignedInUser({
      accounts: [{ accountId: await accountIdOf("highlevel", "loc-long") }],
    });
    const stop = pingHealth();
    const { status, answer, ms } = await timedWaveform(id, viewer.headers);
    const latencies = await stop();
    console.info(
      `12 h MP3: waveform answered in ${Math.round(ms)} ms; health: ${latencies.length} answers, slowest ${Math.round(Math.max(...latencies))} ms`,
    );
    expect(status).toBe(200);
    expect(ms).toBeLessThan(5000);
    expect(answer).toEqual({ state: "too-long", peaks: null, durationSeconds: expect.closeTo(12 * HOUR, 0) });
    expect(latencies.length).toBeGreaterThan(0);
    expect(Math.max(...latencies)).toBeLessThan(1000);
    // Stored: asking again neither fetches nor decodes.
    expect((await timedWaveform(id, viewer.headers)).answer.state).toBe("too-long");
  }, 180_000);

  it("draws two 3.5 h MP3s at once from a sample of their frames, each in under 5 s, health answering meanwhile", async () => {
    const locations = ["loc-long-a", "loc-long-b"];
    const ids = [];
    for (const location of locations) ids.push(await recording(`http://${base}/long-${location}.mp3`, location));
    const viewer = await createSignedInUser({
      accounts: await Promise.all(
        locations.map(async (location) => ({ accountId: await accountIdOf("highlevel", location) })),
      ),
    });
    const stop = pingHealth();
    const answers = await Promise.all(ids.map((id) => timedWaveform(id, viewer.headers)));
    const latencies = await stop();
    console.info(
      `2 × 3.5 h MP3: waveforms answered in ${answers.map(({ ms }) => Math.round(ms)).join(", ")} ms; health: ${latencies.length} answers, slowest ${Math.round(Math.max(...latencies))} ms`,
    );
    expect(latencies.length).toBeGreaterThan(0);
    expect(Math.max(...latencies)).toBeLessThan(1000);
    for (const { status, answer, ms } of answers) {
      expect(status).toBe(200);
      expect(ms).toBeLessThan(5000);
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
