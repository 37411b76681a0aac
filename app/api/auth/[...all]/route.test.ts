import { beforeEach, describe, expect, it } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { SOCKET_ADDRESS_HEADER, sealedSocketAddress } from "@/lib/access/authentication/client-address";
import { signInAttemptsPerMinute } from "@/lib/access/authentication/server";
import { getPrisma } from "@/lib/db";
import { TEST_PASSWORD, createSignedInUser, signIn } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { listConversations } from "@/lib/testing/read-api";

beforeEach(resetDatabase);

const from = (address: string) => ({ [SOCKET_ADDRESS_HEADER]: sealedSocketAddress(address) });

const post = (path: string, body: unknown, headers: Record<string, string> = {}, origin = "http://localhost") =>
  authPost(
    new Request(`${origin}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, ...from("10.1.1.1"), ...headers },
      body: JSON.stringify(body),
    }),
  );

describe("sign-in", () => {
  it("a wrong password or unknown email is 401 and sets no cookie", async () => {
    const user = await createSignedInUser();
    for (const [email, password] of [
      [user.email, "wrong password!"],
      ["nobody@threadline.test", TEST_PASSWORD],
    ] as const) {
      const result = await signIn(email, password);
      expect(result.status).toBe(401);
      expect(result.cookie).toBe("");
    }
  });

  it("stores the password as an scrypt hash, never as given", async () => {
    const user = await createSignedInUser();
    const credential = await (await getPrisma()).authAccount.findFirstOrThrow({
      where: { userId: user.id, providerId: "credential" },
    });
    expect(credential.password).not.toContain(TEST_PASSWORD);
    expect(credential.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/); // Better Auth's scrypt salt:key
  });

  it("is rate-limited per address: attempts past the limit answer 429 even with the right password", async () => {
    const user = await createSignedInUser();
    const address = "10.9.9.9";
    expect(signInAttemptsPerMinute()).toBe(5);
    for (let i = 0; i < signInAttemptsPerMinute(); i++)
      expect((await signIn(user.email, "wrong password!", address)).status).toBe(401);
    const blocked = await signIn(user.email, TEST_PASSWORD, address);
    expect(blocked.status).toBe(429);
    expect(blocked.cookie).toBe("");
    // Another address is not blocked by this one's attempts (at another account: this one's own
    // limit, forwarded.test.ts, now holds whatever the address).
    const other = await createSignedInUser();
    expect((await signIn(other.email, TEST_PASSWORD, "10.8.8.8")).status).toBe(200);
  });

  it("sets an httpOnly SameSite=Lax session cookie, Secure everywhere but localhost", async () => {
    const user = await createSignedInUser();
    const local = await post("/sign-in/email", { email: user.email, password: TEST_PASSWORD }, from("10.2.2.2"));
    const [localCookie] = local.headers.getSetCookie();
    expect(localCookie).toMatch(/^threadline\.session_token=/);
    expect(localCookie).toMatch(/HttpOnly/i);
    expect(localCookie).toMatch(/SameSite=Lax/i);
    expect(localCookie).not.toMatch(/Secure/i);
    const remote = await post(
      "/sign-in/email",
      { email: user.email, password: TEST_PASSWORD },
      from("10.3.3.3"),
      "https://inbox.example.com",
    );
    expect(remote.status).toBe(200);
    expect(remote.headers.getSetCookie()[0]).toMatch(/;\s*Secure/i);
  });

  it("refuses a sign-in posted from another site (Origin check)", async () => {
    const user = await createSignedInUser();
    const response = await post(
      "/sign-in/email",
      { email: user.email, password: TEST_PASSWORD },
      { origin: "https://evil.example", ...from("10.4.4.4") },
    );
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("has no open sign-up: people join by invitation or user:create", async () => {
    const response = await post("/sign-up/email", {
      email: "walk-in@threadline.test",
      password: TEST_PASSWORD,
      name: "Walk In",
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await (await getPrisma()).user.count({ where: { email: "walk-in@threadline.test" } })).toBe(0);
  });
});

describe("sign-out", () => {
  it("ends the session in the database: the old cookie no longer reads anything", async () => {
    const user = await createSignedInUser({ isAdmin: true });
    expect((await listConversations("", user.headers)).status).toBe(200);
    const response = await post("/sign-out", {}, { cookie: user.cookie });
    expect(response.status).toBe(200);
    expect((await listConversations("", user.headers)).status).toBe(401);
    const session = await authGet(
      new Request("http://localhost/api/auth/get-session", { headers: { cookie: user.cookie } }),
    );
    expect(await session.json()).toBeNull();
  });
});
