import { beforeEach, describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { issueApiToken, revokeApiToken } from "@/lib/access/api-tokens/api-tokens";
import { RECHECK_CACHE_MS } from "@/lib/access/viewer-recheck";
import { getPrisma } from "@/lib/db";
import { publishConversationChanges } from "@/lib/live/bus";
import { createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { GET as live } from "./route";

// An open live stream stops delivering the moment its viewer may no longer read: a revoked API
// token, a sign-out or a removed membership, checked against the database (so it holds across
// instances), not only when the stream is next recycled.

let clinic: string;
let bakery: string;

beforeEach(async () => {
  await resetDatabase();
  const prisma = await getPrisma();
  clinic = (await prisma.account.create({ data: { provider: "highlevel", externalId: "loc-clinic", name: "Clinic" } }))
    .id;
  bakery = (await prisma.account.create({ data: { provider: "highlevel", externalId: "loc-bakery", name: "Bakery" } }))
    .id;
});

async function openStream(headers: Record<string, string>) {
  const controller = new AbortController();
  const response = await live(new Request("http://localhost/api/live", { headers, signal: controller.signal }), {
    params: Promise.resolve({}),
  } as never);
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  expect(decoder.decode((await reader.read()).value)).toContain("connected");
  // A read that timed out is still waiting for the next chunk: the next call takes it over.
  let pending: Promise<string> | null = null;
  return {
    /** What the stream sends next: its text, "closed" when it ends, or "nothing" within `ms`. */
    next: async (ms = 1_500): Promise<string> => {
      pending ??= reader.read().then(({ done, value }) => (done ? "closed" : decoder.decode(value)));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<string>((resolve) => (timer = setTimeout(() => resolve("nothing"), ms)));
      const result = await Promise.race([pending, timeout]);
      clearTimeout(timer);
      if (result !== "nothing") pending = null;
      return result;
    },
    close: () => controller.abort(),
  };
}

/** Lets the stream's cached answer ("still allowed") expire, as it would within a second or two. */
const afterCacheExpires = () => new Promise((resolve) => setTimeout(resolve, RECHECK_CACHE_MS + 100));

describe("a live stream after its viewer loses access", () => {
  it("ends once its API token is revoked", async () => {
    const { id, token } = await issueApiToken(clinic, "crm");
    const stream = await openStream({ authorization: `Bearer ${token}` });
    publishConversationChanges(clinic, ["before-revoke"]);
    expect(await stream.next()).toContain("before-revoke");
    expect(await revokeApiToken(id, clinic)).toBe(true);
    await afterCacheExpires();
    publishConversationChanges(clinic, ["after-revoke"]);
    expect(await stream.next()).toBe("closed");
    stream.close();
  });

  it("ends once its person signs out", async () => {
    const member = await createSignedInUser({ accounts: [{ accountId: clinic }] });
    const stream = await openStream(member.headers);
    publishConversationChanges(clinic, ["before-sign-out"]);
    expect(await stream.next()).toContain("before-sign-out");
    const signOut = await authPost(
      new Request("http://localhost/api/auth/sign-out", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost", cookie: member.cookie },
        body: "{}",
      }),
    );
    expect(signOut.status).toBe(200);
    await afterCacheExpires();
    publishConversationChanges(clinic, ["after-sign-out"]);
    expect(await stream.next()).toBe("closed");
    stream.close();
  });

  it("stops carrying an account once the membership is removed, and keeps the others", async () => {
    const member = await createSignedInUser({ accounts: [{ accountId: clinic }, { accountId: bakery }] });
    const stream = await openStream(member.headers);
    publishConversationChanges(clinic, ["clinic-before"]);
    expect(await stream.next()).toContain("clinic-before");
    await (await getPrisma()).membership.deleteMany({ where: { userId: member.id, accountId: clinic } });
    await afterCacheExpires();
    publishConversationChanges(clinic, ["clinic-after"]);
    expect(await stream.next()).toBe("nothing");
    publishConversationChanges(bakery, ["bakery-after"]);
    const text = await stream.next();
    expect(text).toContain("bakery-after");
    expect(text).not.toContain("clinic-after");
    stream.close();
  });
});

describe("live streams served together", () => {
  it("a burst over several accounts reaches every stream of a person as one chunk", async () => {
    const member = await createSignedInUser({ accounts: [{ accountId: clinic }, { accountId: bakery }] });
    const first = await openStream(member.headers);
    const second = await openStream(member.headers);
    publishConversationChanges(clinic, ["clinic-burst"]);
    publishConversationChanges(bakery, ["bakery-burst"]);
    for (const stream of [first, second]) {
      const chunk = await stream.next();
      expect(chunk).toContain("clinic-burst");
      expect(chunk).toContain("bakery-burst");
      stream.close();
    }
  });
});
