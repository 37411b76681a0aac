import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi, afterEach } from "vitest";
import { GET as media } from "@/app/api/media/[id]/route";
import { setMediaCredentials } from "@/lib/media/account-credentials";
import { fetchRemoteMedia } from "@/lib/media/safe-fetch";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { conversationByExternalId, conversationMessages } from "@/lib/testing/read-api";
import { postWebhook } from "@/lib/testing/webhooks";

// A real upstream on loopback. Loopback is exactly what the media route must refuse, so the
// tests that need a successful fetch name this server in MEDIA_FETCH_ALLOW_HOSTS, and the
// refusal tests use addresses (and names) that are not listed.

const AUDIO = Buffer.alloc(10_000, 7);
const seenAuthorization: Array<string | undefined> = [];
let upstream: http.Server;
let other: http.Server;
let base: string;
let otherBase: string;

function serve(handler: http.RequestListener): Promise<[http.Server, string]> {
  const server = http.createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve([server, `127.0.0.1:${(server.address() as AddressInfo).port}`])),
  );
}

beforeAll(async () => {
  [upstream, base] = await serve((req, res) => {
    seenAuthorization.push(req.headers.authorization);
    const url = req.url ?? "";
    if (url.startsWith("/to-loopback")) return res.writeHead(302, { location: `http://${otherBase}/secret.mp3` }).end();
    if (url.startsWith("/to-other-allowed"))
      return res.writeHead(302, { location: `http://localhost:${otherBase.split(":")[1]}/a.mp3` }).end();
    if (url.startsWith("/huge"))
      return res.writeHead(200, { "content-type": "audio/mpeg", "content-length": String(100 * 1024 * 1024) }).end();
    if (url.startsWith("/hang")) return; // never answers
    if (url.startsWith("/trickle")) {
      // A byte every 100 ms for 15 s (issue #25, finding 7): no read ever waits long.
      res.writeHead(200, { "content-type": "audio/mpeg" });
      let sent = 0;
      const timer = setInterval(() => (++sent === 150 ? res.end("x") : res.write("x")), 100);
      res.on("close", () => clearInterval(timer));
      return;
    }
    if (url.startsWith("/page"))
      return res.writeHead(200, { "content-type": "text/html" }).end("<script>alert(1)</script>");
    const range = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? "");
    if (range) {
      const [start, end] = [Number(range[1]), Number(range[2])];
      return res
        .writeHead(206, {
          "content-type": "audio/mpeg",
          "content-range": `bytes ${start}-${end}/${AUDIO.length}`,
          "content-length": String(end - start + 1),
        })
        .end(AUDIO.subarray(start, end + 1));
    }
    res.writeHead(200, { "content-type": "audio/mpeg", "content-length": String(AUDIO.length) }).end(AUDIO);
  });
  [other, otherBase] = await serve((req, res) => {
    seenAuthorization.push(req.headers.authorization);
    res.writeHead(200, { "content-type": "audio/mpeg" }).end("private");
  });
});
afterAll(() => {
  upstream.close();
  other.close();
});
beforeEach(async () => {
  await resetDatabase();
  seenAuthorization.length = 0;
  vi.stubEnv("MEDIA_FETCH_ALLOW_HOSTS", base);
});
afterEach(() => vi.unstubAllEnvs());

/** Stores a message with this attachment URL in a location and returns the attachment's id. */
async function attachment(url: string, location = "loc-media") {
  const conversation = `conv-${location}`;
  await postWebhook("highlevel", {
    type: "InboundMessage",
    locationId: location,
    conversationId: conversation,
    messageId: `m-${Math.random()}`,
    messageType: "SMS",
    direction: "inbound",
    body: "see attached",
    attachments: [url],
  });
  const { id } = await conversationByExternalId(conversation);
  const { body } = await conversationMessages(id);
  return body.messages.at(-1)!.attachments[0]!;
}

async function get(id: string, headers: Record<string, string>) {
  return media(new Request(`http://localhost/api/media/${id}`, { headers }), { params: Promise.resolve({ id }) });
}

describe("GET /api/media/:id", () => {
  it("streams the recording for a user of its account, passing Range through for seeking", async () => {
    const { id, mediaUrl } = await attachment(`http://${base}/call.mp3`);
    expect(mediaUrl).toBe(`/api/media/${id}`);
    const member = await createSignedInUser({
      accounts: [{ accountId: await accountIdOf("highlevel", "loc-media") }],
    });
    const whole = await get(id, member.headers);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toBe("audio/mpeg");
    expect(Buffer.from(await whole.arrayBuffer()).equals(AUDIO)).toBe(true);
    const part = await get(id, { ...member.headers, range: "bytes=100-199" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-199/${AUDIO.length}`);
    expect((await part.arrayBuffer()).byteLength).toBe(100);
  });

  it("is 401 without a session and 404 for another account's attachment", async () => {
    const { id } = await attachment(`http://${base}/call.mp3`, "loc-other");
    await attachment(`http://${base}/mine.mp3`, "loc-mine");
    const member = await createSignedInUser({
      accounts: [{ accountId: await accountIdOf("highlevel", "loc-mine") }],
    });
    expect((await get(id, {})).status).toBe(401);
    expect((await get(id, member.headers)).status).toBe(404);
  });

  it("refuses loopback, private, link-local and unique-local addresses, by number or by name", async () => {
    const admin = await createSignedInUser({ isAdmin: true });
    const port = otherBase.split(":")[1];
    for (const url of [
      `http://${otherBase}/x.mp3`,
      "http://169.254.169.254/latest/meta-data/iam.mp3",
      "http://10.0.0.5/x.mp3",
      "http://192.168.1.1/x.mp3",
      "http://[::1]/x.mp3",
      "http://[fd00::1]/x.mp3",
      "http://[::ffff:127.0.0.1]/x.mp3",
      "http://[::127.0.0.1]/x.mp3", // IPv4-compatible: the URL parser makes it [::7f00:1]
      "http://[::ffff:0:127.0.0.1]/x.mp3", // SIIT-translated
      "http://[64:ff9b::127.0.0.1]/x.mp3", // NAT64
      "http://[2002:7f00:1::1]/x.mp3", // 6to4 around 127.0.0.1
      `http://localhost:${port}/x.mp3`,
      "http://0.0.0.0/x.mp3",
    ]) {
      const { id } = await attachment(url);
      const response = await get(id, admin.headers);
      expect(response.status, url).toBe(403);
      expect(((await response.json()) as { error: string }).error, url).toMatch(/not a public address/);
    }
    expect(seenAuthorization).toEqual([]); // nothing reached the private server
  });

  it("checks every redirect: a public-looking URL that redirects inside is refused", async () => {
    const admin = await createSignedInUser({ isAdmin: true });
    const { id } = await attachment(`http://${base}/to-loopback.mp3`);
    expect((await get(id, admin.headers)).status).toBe(403);
  });

  it("cuts media over the size cap and a host that does not answer in time", async () => {
    vi.stubEnv("MEDIA_FETCH_MAX_BYTES", String(1024 * 1024));
    vi.stubEnv("MEDIA_FETCH_TIMEOUT_MS", "500");
    const admin = await createSignedInUser({ isAdmin: true });
    expect((await get((await attachment(`http://${base}/huge.mp3`)).id, admin.headers)).status).toBe(413);
    expect((await get((await attachment(`http://${base}/hang.mp3`)).id, admin.headers)).status).toBe(504);
  });

  it("cuts a host that trickles the body once MEDIA_FETCH_TIMEOUT_MS passes, from the first byte asked", async () => {
    vi.stubEnv("MEDIA_FETCH_TIMEOUT_MS", "1000");
    const admin = await createSignedInUser({ isAdmin: true });
    const response = await get((await attachment(`http://${base}/trickle.mp3`)).id, admin.headers);
    expect(response.status).toBe(200); // the answer has begun: the deadline ends its body
    // The host would finish after 15 s, whole: a body that fails was cut by the deadline.
    await expect(response.arrayBuffer()).rejects.toThrow();
  }, 30_000);

  it("serves anything but audio, video and raster images as a sandboxed download", async () => {
    const admin = await createSignedInUser({ isAdmin: true });
    const response = await get((await attachment(`http://${base}/page.mp3`)).id, admin.headers);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-disposition")).toBe("attachment");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
  });

  it("sends the account's media credentials to their host only, never to a redirect's", async () => {
    vi.stubEnv("MEDIA_FETCH_ALLOW_HOSTS", `${base},localhost:${otherBase.split(":")[1]}`);
    const admin = await createSignedInUser({ isAdmin: true });
    const { id } = await attachment(`http://${base}/call.mp3`);
    await setMediaCredentials(await accountIdOf("highlevel", "loc-media"), {
      host: "127.0.0.1",
      username: "AC123",
      password: "twilio-secret",
    });
    expect((await get(id, admin.headers)).status).toBe(200);
    expect(seenAuthorization.at(-1)).toBe(`Basic ${Buffer.from("AC123:twilio-secret").toString("base64")}`);
    const redirected = await attachment(`http://${base}/to-other-allowed.mp3`);
    expect((await get(redirected.id, admin.headers)).status).toBe(200);
    expect(seenAuthorization.at(-1)).toBeUndefined();
  });
});

describe("fetchRemoteMedia", () => {
  it("fetches only http(s), and no URL with credentials in it", async () => {
    for (const url of [
      "ftp://example.com/a.mp3",
      "file:///etc/passwd",
      "gopher://x/",
      "http://user:pw@example.com/a.mp3",
      "not a url",
    ]) {
      await expect(fetchRemoteMedia(url), url).rejects.toMatchObject({ status: 403 });
    }
  });
});
