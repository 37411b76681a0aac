import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/db";
import {
  HIGHLEVEL_WINDOW_MARGIN_MS,
  HIGHLEVEL_WINDOW_MS,
  highLevelRateClock,
  takeHighLevelToken,
} from "@/lib/providers/highlevel/api/rate-limit";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelApiStubForFile } from "@/lib/testing/highlevel-api-hooks";
import { replyableConversation } from "@/lib/testing/reply-fixtures";
import { runJobs, sendReply } from "@/lib/testing/replies-api";
import { SEND_REPLY } from "./kinds";

// HighLevel's 100 requests per 10 s per location, shared by every worker through the database:
// a burst of sends waits its turn instead of meeting 429s. The limit's clock is moved by the test
// (and the queue's waits cut short) instead of waiting 10 s.

const highLevel = highLevelApiStubForFile();
const realClock = highLevelRateClock.now;
let now = Date.parse("2026-01-05T09:00:00.000Z");
beforeEach(async () => {
  await resetDatabase();
  now = Date.parse("2026-01-05T09:00:00.000Z");
  highLevelRateClock.now = () => new Date(now);
});
afterEach(() => {
  highLevelRateClock.now = realClock;
});

/** `count` more replies like `replyId`, each queued for the send job as Send queues one (faster than 149 requests). */
async function queueCopies(replyId: string, count: number) {
  const prisma = await getPrisma();
  const reply = await prisma.reply.findUniqueOrThrow({ where: { id: replyId }, include: { message: true } });
  const copies = Array.from({ length: count }, (_, i) => ({ id: randomUUID(), text: `Reply ${i + 1}` }));
  const { id: _id, ...message } = reply.message;
  await prisma.message.createMany({
    data: copies.map(({ id, text }) => ({
      ...message,
      id: `message-${id}`,
      externalId: `threadline:${id}`,
      body: text,
      bodyText: text,
    })),
  });
  await prisma.reply.createMany({
    data: copies.map(({ id, text }) => ({
      id,
      accountId: reply.accountId,
      conversationId: reply.conversationId,
      messageId: `message-${id}`,
      authorUserId: reply.authorUserId,
      clientKey: `key-copy-${id}`,
      channel: reply.channel,
      text,
    })),
  });
  await prisma.job.createMany({
    data: copies.map(({ id }) => ({
      id: `job-${id}`,
      kind: SEND_REPLY,
      accountId: reply.accountId,
      payload: { replyId: id },
    })),
  });
}

/** The window the queue keeps: HighLevel's 10 s and a margin for requests that arrive late. */
const WINDOW = HIGHLEVEL_WINDOW_MS + HIGHLEVEL_WINDOW_MARGIN_MS;

/** The most calls that fall in any 10 s (both ends included) of these times. */
const busiestWindow = (times: number[]) =>
  Math.max(0, ...times.map((start) => times.filter((t) => t >= start && t <= start + 10_000).length));

describe("HighLevel's rate limit", () => {
  it("takes exactly 100 of 120 requests made at once, and says how long until the next", async () => {
    const prisma = await getPrisma();
    const answers = await Promise.all(Array.from({ length: 120 }, () => takeHighLevelToken(prisma, "loc-burst")));
    expect(answers.filter((answer) => answer.taken)).toHaveLength(100);
    expect(new Set(answers.filter((answer) => !answer.taken).map((answer) => answer.waitMs))).toEqual(
      new Set([WINDOW + 1]),
    );
    // Another location has its own 100.
    expect(await takeHighLevelToken(prisma, "loc-other")).toEqual({ taken: true });
    now += WINDOW;
    expect(await takeHighLevelToken(prisma, "loc-burst")).toEqual({ taken: false, waitMs: 1 });
    now += 1;
    expect(await takeHighLevelToken(prisma, "loc-burst")).toEqual({ taken: true });
  });

  it("120 queued sends run by two workers: never more than 100 calls in 10 s, every reply sent once, no 429", async () => {
    const { conversationId, member } = await replyableConversation();
    const body = { clientKey: "key-burst-0", channel: "sms", text: "Reply 0" };
    const first = await sendReply(conversationId, member.headers, body);
    expect(first.status).toBe(201);
    await queueCopies((first.body.reply as { id: string }).id, 119);
    const calledAt: number[] = [];
    highLevel().beforeSendAnswer = async () => {
      calledAt.push(now);
    };
    const prisma = await getPrisma();
    /** Time passes: the limit's clock, and the queue's waits (it runs on the database's clock). */
    const pass = async (ms: number) => {
      now += ms;
      await prisma.$executeRaw`UPDATE jobs SET run_after = run_after - ${ms} * interval '1 millisecond' WHERE state = 'queued'`;
    };
    const twoWorkers = () => Promise.all([runJobs(), runJobs()]);

    await twoWorkers();
    expect(highLevel().sent).toHaveLength(100);
    const states = await prisma.job.groupBy({ by: ["state", "lastError"], _count: true, orderBy: { state: "asc" } });
    expect(states).toEqual([
      { state: "done", lastError: null, _count: 100 },
      { state: "queued", lastError: expect.stringMatching(/^Waiting its turn under HighLevel's limit/), _count: 20 },
    ]);
    await pass(5_000);
    await twoWorkers();
    expect(highLevel().sent).toHaveLength(100); // the 20 others wait their turn: not a call, not a 429
    await pass(WINDOW + 1 - 5_000); // the first 100 have just left the window
    await twoWorkers();
    expect(highLevel().sent).toHaveLength(120);
    expect(new Set(highLevel().sent.map(({ body }) => body.message)).size).toBe(120);
    expect(busiestWindow(calledAt)).toBe(100);
    // The first 100 go at once; the rest as soon as the first have left the window, not before.
    expect(calledAt.filter((t) => t === calledAt[0])).toHaveLength(100);
    expect(Math.min(...calledAt.slice(100))).toBe(calledAt[0]! + WINDOW + 1);
    // Waiting a turn is not an attempt: every job ran once as far as its attempts go.
    const jobs = await prisma.job.findMany({ select: { state: true, attempts: true } });
    expect(jobs).toHaveLength(120);
    expect(jobs.every((job) => job.state === "done" && job.attempts === 1)).toBe(true);
    expect(await prisma.reply.count({ where: { state: "sent" } })).toBe(120);
  }, 90_000); // 120 sends through routes, queue and stand-in: over 30 s on a loaded 2-core machine
});
