import { beforeEach, describe, expect, it } from "vitest";
import { adminCookie } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { readFileSync } from "node:fs";
import { DEMO_SPEECH_DIR, demoMediaBytes } from "@/lib/media/demo-media";
import { SPEECH_RECORDINGS } from "@/lib/demo/speech-manifest";
import { GET } from "./route";

beforeEach(resetDatabase);

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
    expect(demoMediaBytes(url)).toBe(demoMediaBytes(url));
  });

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

  it("refuses names that are not demo recordings", async () => {
    expect((await get("..%2Fsecret.wav")).status).toBe(404);
    expect((await get("x.mp3")).status).toBe(404);
  });
});
