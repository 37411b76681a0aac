import { beforeEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/jobs/route";
import { getPrisma } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/queue";
import { accountIdOf, createSignedInUser } from "@/lib/testing/auth";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelMessage } from "@/lib/testing/highlevel-payloads";
import type { Credentials } from "@/lib/testing/read-api";
import { callRoute } from "@/lib/testing/route-call";
import { postWebhook } from "@/lib/testing/webhooks";
import type { JobKindHealth } from "@/lib/jobs/health";

// The job queue's health on /events: per kind, in the owner's accounts (and the queue's own
// recurring jobs), never another account's, never a payload.

beforeEach(resetDatabase);

const readJobs = (as: Credentials) =>
  callRoute<{ kinds: JobKindHealth[]; error?: string }>(GET, { method: "GET", url: "/api/jobs", id: "", headers: as });

async function twoAccounts() {
  await postWebhook("highlevel", highLevelMessage({ locationId: "loc-mine", conversationId: "c-1" }));
  await postWebhook("highlevel", highLevelMessage({ locationId: "loc-other", conversationId: "c-2" }));
  return {
    mine: await accountIdOf("highlevel", "loc-mine"),
    other: await accountIdOf("highlevel", "loc-other"),
  };
}

describe("GET /api/jobs", () => {
  it("counts waiting, running and failed jobs per kind in the owner's accounts only", async () => {
    const { mine, other } = await twoAccounts();
    const prisma = await getPrisma();
    const past = new Date(Date.now() - 90_000);
    await enqueueJob(prisma, { kind: "send-reply", accountId: mine, payload: { secret: "+15550001" }, runAfter: past });
    await enqueueJob(prisma, {
      kind: "send-reply",
      accountId: mine,
      payload: {},
      runAfter: new Date(Date.now() + 60_000),
    });
    await enqueueJob(prisma, { kind: "send-reply", accountId: other, payload: {} });
    const failed = await enqueueJob(prisma, { kind: "fetch-transcript", accountId: mine, payload: {} });
    await prisma.job.update({
      where: { id: failed },
      data: { state: "failed", finishedAt: new Date(), lastError: "no HighLevel API token" },
    });
    await enqueueJob(prisma, { kind: "drain-mail-outbox", payload: { recurring: true } });

    const owner = await createSignedInUser({ accounts: [{ accountId: mine, role: "owner" }] });
    const { status, body } = await readJobs(owner.headers);
    expect(status).toBe(200);
    expect(body.kinds).toEqual([
      expect.objectContaining({ kind: "drain-mail-outbox", queued: 1 }),
      expect.objectContaining({
        kind: "fetch-transcript",
        queued: 0,
        failedLastDay: 1,
        lastError: "no HighLevel API token",
      }),
      expect.objectContaining({ kind: "send-reply", queued: 2, running: 0, failedLastDay: 0 }),
    ]);
    const sendReply = body.kinds.find((k) => k.kind === "send-reply");
    expect(sendReply?.oldestWaitSeconds).toBeGreaterThanOrEqual(89);
    expect(JSON.stringify(body)).not.toContain("+15550001");

    const admin = await createSignedInUser({ isAdmin: true });
    const all = await readJobs(admin.headers);
    expect(all.body.kinds.find((k) => k.kind === "send-reply")?.queued).toBe(3);
  });

  it("is for owners and administrators: a member gets 403", async () => {
    const { mine } = await twoAccounts();
    const member = await createSignedInUser({ accounts: [{ accountId: mine, role: "member" }] });
    const { status, body } = await readJobs(member.headers);
    expect(status).toBe(403);
    expect(body.error).toMatch(/owners/);
  });
});
