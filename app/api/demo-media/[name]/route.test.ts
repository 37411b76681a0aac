import { beforeEach, describe, expect, it } from "vitest";
import { adminCookie } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { demoMediaBytes } from "@/lib/media/tone-wav";
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

  it("refuses names that are not demo recordings", async () => {
    expect((await get("..%2Fsecret.wav")).status).toBe(404);
    expect((await get("x.mp3")).status).toBe(404);
  });
});
