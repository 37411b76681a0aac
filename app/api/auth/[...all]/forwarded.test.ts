import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { POST as markRead } from "@/app/api/conversations/[id]/read/route";
import { SOCKET_ADDRESS_HEADER, sealedSocketAddress } from "@/lib/access/authentication/client-address";
import { signInAttemptsPerMinute } from "@/lib/access/authentication/server";
import { getPrisma } from "@/lib/db";
import { TEST_PASSWORD, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { postWebhook } from "@/lib/testing/webhooks";

// Forwarding headers are the client's own words unless a trusted proxy wrote them (#11: 220
// wrong passwords with a new X-Forwarded-For each were never limited, then the right one worked).

beforeEach(resetDatabase);
afterEach(() => vi.unstubAllEnvs());

const socket = (address: string) => ({ [SOCKET_ADDRESS_HEADER]: sealedSocketAddress(address) });

async function attempt(email: string, password: string, headers: Record<string, string>, origin = "http://localhost") {
  const response = await authPost(
    new Request(`${origin}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, ...headers },
      body: JSON.stringify({ email, password }),
    }),
  );
  return { status: response.status, cookies: response.headers.getSetCookie() };
}

describe("the sign-in rate limit", () => {
  it("keys on the socket: a new X-Forwarded-For per attempt does not make a new client", async () => {
    const user = await createSignedInUser();
    const limit = signInAttemptsPerMinute();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const spoofed = { ...socket("198.51.100.9"), "x-forwarded-for": `10.0.${i}.1` };
      statuses.push((await attempt(`nobody-${i}@threadline.test`, "wrong password!", spoofed)).status);
    }
    expect(statuses.slice(0, limit).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(limit).every((status) => status === 429)).toBe(true);
    const right = await attempt(user.email, TEST_PASSWORD, {
      ...socket("198.51.100.9"),
      "x-forwarded-for": "10.9.9.9",
    });
    expect(right.status).toBe(429);
    expect(right.cookies).toEqual([]);
  });

  it("also counts per account name: many addresses get the same few guesses at one account", async () => {
    const user = await createSignedInUser();
    const other = await createSignedInUser();
    const limit = signInAttemptsPerMinute();
    for (let i = 0; i < limit; i++) {
      const email = i % 2 ? user.email.toUpperCase() : user.email;
      expect((await attempt(email, "wrong password!", socket(`198.51.100.${10 + i}`))).status).toBe(401);
    }
    const blocked = await attempt(user.email, TEST_PASSWORD, socket("198.51.100.200"));
    expect(blocked.status).toBe(429);
    expect(blocked.cookies).toEqual([]);
    expect((await attempt(other.email, TEST_PASSWORD, socket("198.51.100.201"))).status).toBe(200);
  });

  it("behind a trusted proxy, keys on the client the proxy names", async () => {
    vi.stubEnv("THREADLINE_TRUSTED_PROXIES", "10.0.0.0/8");
    const viaProxy = (client: string) => ({ ...socket("10.0.0.1"), "x-forwarded-for": `6.6.6.6, ${client}` });
    for (let i = 0; i < signInAttemptsPerMinute(); i++)
      expect((await attempt(`a-${i}@threadline.test`, "wrong password!", viaProxy("203.0.113.7"))).status).toBe(401);
    expect((await attempt("b@threadline.test", "wrong password!", viaProxy("203.0.113.7"))).status).toBe(429);
    expect((await attempt("c@threadline.test", "wrong password!", viaProxy("203.0.113.8"))).status).toBe(401);
  });
});

describe("X-Forwarded-Host/-Proto from a client that is no trusted proxy", () => {
  it("do not take Secure off the session cookie", async () => {
    const user = await createSignedInUser();
    const spoofed = { ...socket("198.51.100.30"), "x-forwarded-host": "localhost", "x-forwarded-proto": "http" };
    const signedIn = await attempt(user.email, TEST_PASSWORD, spoofed, "https://inbox.example.com");
    expect(signedIn.status).toBe(200);
    expect(signedIn.cookies[0]).toMatch(/;\s*Secure/i);
  });

  it("do not make another site's Origin our own (CSRF check)", async () => {
    await postWebhook("highlevel", {
      type: "InboundMessage",
      locationId: "loc-x",
      conversationId: "conv-x",
      messageId: "m-x",
      messageType: "SMS",
      body: "x",
    });
    const id = (await (await getPrisma()).conversation.findFirstOrThrow()).id;
    const admin = await createSignedInUser({ isAdmin: true });
    const forged = await markRead(
      new Request(`http://localhost/api/conversations/${id}/read`, {
        method: "POST",
        headers: {
          ...admin.headers,
          ...socket("198.51.100.31"),
          origin: "https://evil.example",
          "x-forwarded-host": "evil.example",
          "x-forwarded-proto": "https",
        },
      }),
      { params: Promise.resolve({ id }) },
    );
    expect(forged.status).toBe(403);
  });
});
