import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as media } from "@/app/api/media/[id]/route";
import { adminCookie } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { readFileSync } from "node:fs";
import { DEMO_SPEECH_DIR, demoMediaBytes } from "@/lib/media/demo-media";
import { SPEECH_RECORDINGS } from "@/lib/demo/speech-manifest";
import { conversationByExternalId, conversationMessages } from "@/lib/testing/read-api";
import { postWebhook } from "@/lib/testing/webhooks";
import { GET } from "./route";

// The demo is on by default only on the embedded database; these tests say which they mean.
beforeEach(async () => {
  await resetDatabase();
  vi.stubEnv("THREADLINE_DEMO", "on");
});
afterEach(() => vi.unstubAllEnvs());

const get = async (name: string, headers: Record<string, string> = {}, signedIn = true) =>
  GET(
    new Request(`http://localhost/api/demo-media/${name}`, {
      headers: signedIn ? { cookie: await adminCookie(), ...headers } : headers,
    }),
    { params: Promise.resolve({ name }) },
  );

describe("GET /api/demo-media/:name", () => {
  it("serves a WAV of the length in its name, privately cacheable", async () => {
    const response = await get("call-3s-x.wav");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("audio/wav");
    expect(response.headers.get("cache-control")).toBe("private, max-age=86400");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 4).toString()).toBe("RIFF");
    expect(bytes.byteLength).toBe(44 + 3 * 8000 * 2);
  });

  it("serves a demo photo (an X-ray a patient texted) as a PNG, the same bytes every time", async () => {
    const response = await get("xray-photo.png");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([320, 240]);
    expect(Buffer.from(await (await get("xray-photo.png")).arrayBuffer()).equals(bytes)).toBe(true);
    expect((await get("xray-photo.jpg")).status).toBe(404);
  });

  it("is for signed-in viewers only: a stranger gets 401 and no bytes", async () => {
    const response = await get("call-3s-x.wav", {}, false);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toMatch(/json/);
  });

  it("makes a recording once: asking again answers the same bytes from memory", async () => {
    const first = Buffer.from(await (await get("voicemail-40s-cache.wav")).arrayBuffer());
    const again = Buffer.from(await (await get("voicemail-40s-cache.wav")).arrayBuffer());
    expect(again.equals(first)).toBe(true);
    // Not a timing assertion: the very same Buffer comes back, so it was not made again.
    const url = "/api/demo-media/voicemail-40s-cache.wav";
    expect(await demoMediaBytes(url)).toBe(await demoMediaBytes(url));
  });

  it("makes a recording once when many ask for it at the same moment", async () => {
    const url = "/api/demo-media/call-200s-together.wav";
    const all = await Promise.all(Array.from({ length: 8 }, () => demoMediaBytes(url)));
    for (const bytes of all) expect(bytes).toBe(all[0]);
  });

  // Issue #25, finding 3: names are free-form, so each new one cost a synthesis on the request
  // thread; a few parallel requests held the health check for seconds.
  it("makes one recording at a time, a few waiting, the rest told to come back, with health answering", async () => {
    const names = Array.from({ length: 10 }, (_, i) => `call-300s-flood-${i}.wav`);
    const requests = Promise.all(names.map((name) => get(name)));
    // Health answers while they are made (a synthesis that held the thread would hold these too).
    let healthAnswers = 0;
    for (let i = 0; i < 5; i++)
      if ((await health(new Request("http://localhost/api/health"), undefined)).status === 200) healthAnswers += 1;
    const answers = await requests;
    const statuses = answers.map((response) => response.status);
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((status) => status === 503).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
    const busy = answers[statuses.indexOf(503)]!;
    expect(busy.headers.get("retry-after")).toBe("5");
    expect(await busy.json()).toMatchObject({ error: expect.stringMatching(/try again/) });
    expect(healthAnswers).toBe(5);
  }, 60_000);

  it("answers Range requests with 206 so players can seek", async () => {
    const response = await get("call-3s-x.wav", { range: "bytes=100-199" });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes 100-199/${44 + 3 * 8000 * 2}`);
    expect((await response.arrayBuffer()).byteLength).toBe(100);
    expect((await get("call-3s-x.wav", { range: "bytes=99999999-" })).status).toBe(416);
    expect((await get("call-3s-x.wav", { range: "bytes=-10" })).status).toBe(206);
  });

  it("serves a spoken recording (voicemail) as committed, privately cacheable, seekable", async () => {
    const { file } = SPEECH_RECORDINGS[0]!;
    const committed = readFileSync(`${DEMO_SPEECH_DIR}/${file}`);
    const response = await get(file);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("audio/wav");
    expect(response.headers.get("cache-control")).toBe("private, max-age=86400");
    expect(Buffer.from(await response.arrayBuffer()).equals(committed)).toBe(true);
    const part = await get(file, { range: "bytes=1000-1999" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 1000-1999/${committed.byteLength}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(committed.subarray(1000, 2000))).toBe(true);
    expect((await get(file, {}, false)).status).toBe(401);
    expect((await get("speech-nothing-9s.wav")).status).toBe(404);
  });

  it("does not exist with the demo off: 404 signed in or not, and no demo recording is served anywhere", async () => {
    vi.stubEnv("THREADLINE_DEMO", "off");
    for (const signedIn of [true, false]) {
      const response = await get("call-3s-x.wav", {}, signedIn);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: expect.any(String) });
    }
    expect((await get(SPEECH_RECORDINGS[0]!.file)).status).toBe(404);
    expect(await demoMediaBytes("/api/demo-media/call-3s-x.wav")).toBeNull();
    // Nor through the media route, for an attachment whose URL points at the demo's media.
    await postWebhook("highlevel", {
      type: "InboundMessage",
      locationId: "loc-demo-off",
      conversationId: "conv-demo-off",
      messageId: "m-demo-off",
      messageType: "SMS",
      direction: "inbound",
      body: "voicemail",
      attachments: ["/api/demo-media/voicemail-12s-off.wav"],
    });
    const { id } = await conversationByExternalId("conv-demo-off");
    const attachment = (await conversationMessages(id)).body.messages.at(-1)!.attachments[0]!;
    const response = await media(
      new Request(`http://localhost/api/media/${attachment.id}`, { headers: { cookie: await adminCookie() } }),
      { params: Promise.resolve({ id: attachment.id }) },
    );
    expect(response.status).toBe(404);
  });

  it("refuses names that are not demo recordings", async () => {
    expect((await get("..%2Fsecret.wav")).status).toBe(404);
    expect((await get("x.mp3")).status).toBe(404);
  });
});
