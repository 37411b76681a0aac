import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_MEDIA_TIMEOUT_MS, fetchRemoteMedia } from "./safe-fetch";

// The media fetcher against a real server on loopback (named in MEDIA_FETCH_ALLOW_HOSTS), which
// records the path of every request it gets: issue #25, findings 7 (one deadline for the whole
// fetch) and 14 (dot segments).

const seen: string[] = [];
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? "";
    seen.push(path);
    if (path.startsWith("/redirect-encoded"))
      return res.writeHead(302, { location: "/recordings/..%2F..%2Fadmin/x.mp3" }).end();
    if (path.startsWith("/trickle")) {
      // Headers at once, then a byte every 100 ms for 15 s: never idle long enough to time out a read.
      res.writeHead(200, { "content-type": "audio/mpeg" });
      let sent = 0;
      const timer = setInterval(() => (++sent === 150 ? res.end("x") : res.write("x")), 100);
      res.on("close", () => clearInterval(timer));
      return;
    }
    res.writeHead(200, { "content-type": "audio/mpeg" }).end("audio");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());
beforeEach(() => {
  seen.length = 0;
  vi.stubEnv("MEDIA_FETCH_ALLOW_HOSTS", base);
});
afterEach(() => vi.unstubAllEnvs());

describe("fetchRemoteMedia: one deadline for the whole fetch", () => {
  it("cuts a host that trickles its body a byte at a time once the deadline passes", async () => {
    // The host would finish after 15 s, whole: a 504 naming the deadline is the deadline cutting it.
    const media = await fetchRemoteMedia(`http://${base}/trickle.mp3`, { timeoutMs: 1000 });
    await expect(new Response(media.body).arrayBuffer()).rejects.toMatchObject({
      status: 504,
      message: expect.stringMatching(/took longer than 1000 ms/),
    });
  }, 30_000);

  it("is 20 s unless MEDIA_FETCH_TIMEOUT_MS says otherwise", () => {
    expect(DEFAULT_MEDIA_TIMEOUT_MS).toBe(20_000);
  });

  it("leaves a body that arrives in time alone", async () => {
    const media = await fetchRemoteMedia(`http://${base}/fine.mp3`, { timeoutMs: 1000 });
    expect(Buffer.from(await new Response(media.body).arrayBuffer()).toString()).toBe("audio");
  });
});

describe("fetchRemoteMedia: dot segments", () => {
  it("fetches the normalised URL, dot segments resolved, and checks that URL", async () => {
    await fetchRemoteMedia(`http://${base}/recordings/a/../../x.mp3`);
    await fetchRemoteMedia(`http://${base}/recordings/%2e%2e/y.mp3`);
    expect(seen).toEqual(["/x.mp3", "/y.mp3"]);
    // Resolving the dots never reaches another host: the host is the normalised URL's.
    await expect(fetchRemoteMedia("http://127.0.0.1:9/../x.mp3")).rejects.toMatchObject({ status: 403 });
  });

  it.each([
    "/recordings/..%2F..%2Fadmin/x.mp3",
    "/recordings/..%2f..%2fadmin/x.mp3",
    "/recordings/%2e%2e%5cadmin%5cx.mp3",
    "/recordings/.%2E%2Fx.mp3",
    "/recordings/%E0%A4%A/x.mp3",
  ])("refuses %s, which a decoding server would read as leaving the folder", async (path) => {
    await expect(fetchRemoteMedia(`http://${base}${path}`)).rejects.toMatchObject({ status: 403 });
    expect(seen).toEqual([]);
  });

  it("checks a redirect's target the same way", async () => {
    await expect(fetchRemoteMedia(`http://${base}/redirect-encoded.mp3`)).rejects.toMatchObject({ status: 403 });
    expect(seen).toEqual(["/redirect-encoded.mp3"]);
  });

  it("allows encoded slashes that make no dot segment, as storage services write object names", async () => {
    await fetchRemoteMedia(`http://${base}/o/location%2Fcalls%2Frec.mp3?alt=media`);
    expect(seen).toEqual(["/o/location%2Fcalls%2Frec.mp3?alt=media"]);
  });
});
