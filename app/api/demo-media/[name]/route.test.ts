import { describe, expect, it } from "vitest";
import { GET } from "./route";

const get = (name: string, headers: Record<string, string> = {}) =>
  GET(new Request(`http://localhost/api/demo-media/${name}`, { headers }), { params: Promise.resolve({ name }) });

describe("GET /api/demo-media/:name", () => {
  it("serves a WAV of the length in its name", async () => {
    const response = await get("call-3s-x.wav");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("audio/wav");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 4).toString()).toBe("RIFF");
    expect(bytes.byteLength).toBe(44 + 3 * 8000 * 2);
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
