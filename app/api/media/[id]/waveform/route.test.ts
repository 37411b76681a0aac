import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as waveform } from "@/app/api/media/[id]/waveform/route";
import { getPrisma } from "@/lib/db";
import { toneWav } from "@/lib/media/tone-wav";
import { waveformAnswerSchema } from "@/lib/media/waveform-types";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { conversationByExternalId, conversationMessages } from "@/lib/testing/read-api";
import { postWebhook } from "@/lib/testing/webhooks";

// The recording host is a real HTTP server on loopback (named in MEDIA_FETCH_ALLOW_HOSTS, as the
// media route's tests do), counting how often each recording is fetched.

const CALL = toneWav(7, "waveform-test"); // 7 s of 8 kHz PCM with a rising and falling envelope
/** A WAV cut off inside its format chunk (issue #25, finding 6): its header promises 16 bytes, 4 are there. */
const CUT_SHORT = Buffer.concat([CALL.subarray(0, 24)]);
const fetches = new Map<string, number>();
let upstream: http.Server;
let base: string;

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const path = req.url ?? "";
    fetches.set(path, (fetches.get(path) ?? 0) + 1);
    if (path.startsWith("/broken")) return res.writeHead(500).end();
    if (path.startsWith("/notes")) return res.writeHead(200, { "content-type": "audio/ogg" }).end("not audio at all");
    if (path.startsWith("/cut-short")) return res.writeHead(200, { "content-type": "audio/wav" }).end(CUT_SHORT);
    if (path.startsWith("/trickle")) {
      // A byte every 100 ms for 15 s: never idle long enough for a per-read timeout (issue #25, finding 7).
      res.writeHead(200, { "content-type": "audio/wav" });
      let sent = 0;
      const timer = setInterval(() => (++sent === 150 ? res.end("x") : res.write("x")), 100);
      res.on("close", () => clearInterval(timer));
      return;
    }
    // Slow enough that two requests at once overlap.
    setTimeout(() => res.writeHead(200, { "content-type": "audio/wav" }).end(CALL), 50);
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  base = `127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(() => upstream.close());
beforeEach(async () => {
  await resetDatabase();
  fetches.clear();
  vi.stubEnv("MEDIA_FETCH_ALLOW_HOSTS", base);
});
afterEach(() => vi.unstubAllEnvs());

/** A call with this recording in a location; its attachment's id. */
async function recording(url: string, location = "loc-wave") {
  const conversation = `conv-${location}`;
  await postWebhook("highlevel", {
    type: "InboundMessage",
    locationId: location,
    conversationId: conversation,
    messageId: `m-${Math.random()}`,
    messageType: "SMS",
    direction: "inbound",
    body: "voice note",
    attachments: [url],
  });
  const { id } = await conversationByExternalId(conversation);
  const { body } = await conversationMessages(id);
  return body.messages.at(-1)!.attachments[0]!.id;
}

async function get(id: string, headers: Record<string, string>) {
  return waveform(new Request(`http://localhost/api/media/${id}/waveform`, { headers }), {
    params: Promise.resolve({ id }),
  });
}

async function member(location = "loc-wave") {
  return createSignedInUser({ accounts: [{ accountId: await accountIdOf("highlevel", location) }] });
}

describe("GET /api/media/:id/waveform", () => {
  it("computes the peaks from the recording's audio once, then answers from the database", async () => {
    const id = await recording(`http://${base}/call.wav`);
    const viewer = await member();
    const first = await get(id, viewer.headers);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("private, max-age=86400");
    const answer = waveformAnswerSchema.parse(await first.json());
    expect(answer.durationSeconds).toBeCloseTo(7, 3);
    const peaks = answer.peaks!;
    expect(peaks.length).toBeGreaterThanOrEqual(200);
    expect(peaks.length).toBeLessThanOrEqual(800);
    expect(Math.max(...peaks)).toBe(255);
    // The tone swells and fades four times a second: a real waveform, not a flat line.
    expect(Math.min(...peaks)).toBeLessThan(128);

    const stored = await (await getPrisma()).recordingWaveform.findUniqueOrThrow({ where: { attachmentId: id } });
    expect(Array.from(stored.peaks!)).toEqual(peaks);

    const again = waveformAnswerSchema.parse(await (await get(id, (await member()).headers)).json());
    expect(again).toEqual(answer);
    expect(fetches.get("/call.wav")).toBe(1);
  });

  it("fetches a recording once when two viewers ask at the same moment", async () => {
    const id = await recording(`http://${base}/together.wav`);
    const viewer = await member();
    const answers = await Promise.all([get(id, viewer.headers), get(id, viewer.headers)]);
    expect(answers.map((response) => response.status)).toEqual([200, 200]);
    expect(fetches.get("/together.wav")).toBe(1);
  });

  it("is 401 without a session and 404 for another account's recording, which is never fetched", async () => {
    const theirs = await recording(`http://${base}/theirs.wav`, "loc-theirs");
    await recording(`http://${base}/mine.wav`, "loc-mine");
    const viewer = await member("loc-mine");
    expect((await get(theirs, {})).status).toBe(401);
    const refused = await get(theirs, viewer.headers);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ error: expect.any(String) });
    expect((await get("no-such-attachment", viewer.headers)).status).toBe(404);
    expect(fetches.get("/theirs.wav")).toBeUndefined();
    expect(await (await getPrisma()).recordingWaveform.count()).toBe(0);
  });

  it("remembers audio it cannot decode as no waveform, without fetching it again", async () => {
    const id = await recording(`http://${base}/notes.ogg`);
    const viewer = await member();
    for (let i = 0; i < 2; i++) {
      const response = await get(id, viewer.headers);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ state: "unsupported", peaks: null, durationSeconds: null });
    }
    expect(fetches.get("/notes.ogg")).toBe(1);
  });

  it("stores nothing when the host fails, so the next request tries again", async () => {
    const id = await recording(`http://${base}/broken.wav`);
    const viewer = await member();
    expect((await get(id, viewer.headers)).status).toBe(502);
    expect((await get(id, viewer.headers)).status).toBe(502);
    expect(fetches.get("/broken.wav")).toBe(2);
    expect(await (await getPrisma()).recordingWaveform.count()).toBe(0);
  });

  it("answers a WAV cut short in its header as an unreadable recording, not a 500, and remembers it", async () => {
    const id = await recording(`http://${base}/cut-short.wav`);
    const viewer = await member();
    for (let i = 0; i < 2; i++) {
      const response = await get(id, viewer.headers);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ state: "unreadable", peaks: null, durationSeconds: null });
    }
    expect(fetches.get("/cut-short.wav")).toBe(1);
  });

  it("gives up a recording that trickles in once the fetch's one deadline passes: 504, nothing stored", async () => {
    vi.stubEnv("MEDIA_FETCH_TIMEOUT_MS", "1000");
    const id = await recording(`http://${base}/trickle.wav`);
    const response = await get(id, (await member()).headers);
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ error: expect.stringMatching(/took longer than 1000 ms/) });
    expect(await (await getPrisma()).recordingWaveform.count()).toBe(0);
  }, 60_000);

  it("draws demo recordings from the app's own audio, with no network", async () => {
    vi.stubEnv("THREADLINE_DEMO", "on");
    const id = await recording("/api/demo-media/voicemail-12s-ana.wav");
    const answer = waveformAnswerSchema.parse(await (await get(id, (await member()).headers)).json());
    expect(answer.durationSeconds).toBe(12);
    expect(answer.peaks!.some((peak) => peak > 200)).toBe(true);
    expect(fetches.size).toBe(0);
  });

  it("has no demo recordings with the demo off: 404, and nothing is made", async () => {
    vi.stubEnv("THREADLINE_DEMO", "off");
    const id = await recording("/api/demo-media/voicemail-13s-off.wav");
    const response = await get(id, (await member()).headers);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: expect.any(String) });
    expect(await (await getPrisma()).recordingWaveform.count()).toBe(0);
  });

  it("has no waveform for an image", async () => {
    const id = await recording(`http://${base}/photo.png`);
    expect((await get(id, (await member()).headers)).status).toBe(404);
    expect(fetches.size).toBe(0);
  });
});
