import { beforeEach, describe, expect, it } from "vitest";
import { clearHighLevelToken, setHighLevelToken } from "@/lib/access/credentials/highlevel-token";
import { getPrisma } from "@/lib/db";
import { resetDatabase } from "@/lib/testing/database";
import { highLevelApiStubForFile } from "@/lib/testing/highlevel-api-hooks";
import { highLevelMessage, TEST_LOCATION } from "@/lib/testing/highlevel-payloads";
import { conversationByExternalId, conversationMessages, listConversations } from "@/lib/testing/read-api";
import { postWebhook } from "@/lib/testing/webhooks";
import { drainJobs } from "@/lib/jobs/runner";
import { enqueueTranscriptBackfill } from "./enqueue";
import { MAX_ATTEMPTS, makeTranscriptFetchJob, TRANSCRIPT_JOB_KIND } from "./fetch-job";

// Transcripts of recorded calls through the real webhook route, worker and the job queue's fetch
// jobs, from a local server that answers GET …/transcription as HighLevel's API does (never the
// internet).

const TOKEN = "pit-transcripts-test-token";
const fast = () => 1;
const fetchJob = makeTranscriptFetchJob({ backoffMs: fast });

/** Runs the fetch jobs that are due (as a worker would); answers how many transcripts were fetched. */
async function fetchDueTranscripts(): Promise<number> {
  const prisma = await getPrisma();
  const before = await prisma.callTranscript.count({ where: { fetchStatus: "fetched" } });
  await drainJobs([fetchJob]);
  return (await prisma.callTranscript.count({ where: { fetchStatus: "fetched" } })) - before;
}

/** Time passes for the queue: every waiting fetch job is due now. */
async function laterOn(): Promise<void> {
  const prisma = await getPrisma();
  await prisma.job.updateMany({
    where: { kind: TRANSCRIPT_JOB_KIND, state: "queued" },
    data: { runAfter: new Date() },
  });
}
const api = highLevelApiStubForFile();
beforeEach(async () => {
  await resetDatabase();
  api().seen.length = 0;
  api().queue.length = 0;
  api().transcriptions.clear();
  // HighLevel's documented sentence fields; numbers as strings as in its example.
  api().transcriptions.set(`${TEST_LOCATION}/call-9`, [
    {
      mediaChannel: "1",
      sentenceIndex: "1",
      startTime: "0",
      endTime: "2400",
      transcript: "Smile Dental, good morning.",
      confidence: "0.93",
    },
    {
      mediaChannel: 2,
      sentenceIndex: 2,
      startTime: 2600,
      endTime: 5100,
      transcript: "Hi, my crown came loose.",
      confidence: 0.88,
    },
  ]);
});

async function accountWithToken(location = TEST_LOCATION, token: string | null = TOKEN) {
  await postWebhook("highlevel", highLevelMessage({ locationId: location, conversationId: `conv-${location}` }));
  const prisma = await getPrisma();
  const account = await prisma.account.findFirstOrThrow({ where: { externalId: location } });
  if (token) await setHighLevelToken(account.id, token);
  return account.id;
}

const recordedCall = (overrides: Record<string, unknown> = {}) =>
  highLevelMessage({
    messageId: "call-9",
    messageType: "CALL",
    body: undefined,
    status: "completed",
    callStatus: "completed",
    callDuration: 42,
    attachments: ["https://media.example.com/call-9.mp3"],
    ...overrides,
  });

async function transcriptOfCall(conversationExternalId = "conv-1") {
  const conversation = await conversationByExternalId(conversationExternalId);
  const { body } = await conversationMessages(conversation.id);
  return body.messages.find((m) => m.channel === "call")?.transcript ?? null;
}

const transcriptRequests = () => api().seen.filter((request) => request.path.endsWith("/transcription"));

describe("transcripts of recorded calls", () => {
  it("fetches a recorded call's transcript with the token: sentences with times and confidence, searchable", async () => {
    await accountWithToken();
    await postWebhook("highlevel", recordedCall());
    expect(await fetchDueTranscripts()).toBe(1);
    const [request] = transcriptRequests();
    expect(request).toMatchObject({
      path: `/conversations/locations/${TEST_LOCATION}/messages/call-9/transcription`,
      authorization: `Bearer ${TOKEN}`,
      version: "2021-04-15",
    });
    expect(await transcriptOfCall()).toEqual({
      summary: null,
      facts: [],
      timed: true,
      sentences: [
        { speaker: "Speaker 1", startMs: 0, endMs: 2400, text: "Smile Dental, good morning.", confidence: 0.93 },
        { speaker: "Speaker 2", startMs: 2600, endMs: 5100, text: "Hi, my crown came loose.", confidence: 0.88 },
      ],
    });
    // Fetched once: the next pass asks nothing.
    expect(await fetchDueTranscripts()).toBe(0);
    expect(transcriptRequests()).toHaveLength(1);
    const { body } = await listConversations("q=crown");
    expect(body.conversations.map((c) => c.externalId)).toEqual(["conv-1"]);
  });

  it("retries after 429 and 500: within the request, then again later with backoff", async () => {
    await accountWithToken();
    await postWebhook("highlevel", recordedCall());
    api().queue.push({ status: 429, headers: { "retry-after": "1" } }, { status: 500 });
    expect(await fetchDueTranscripts()).toBe(1);
    expect(transcriptRequests()).toHaveLength(3);

    // Still failing after the request's own retries: the job waits, then succeeds.
    const prisma = await getPrisma();
    const row = await prisma.callTranscript.update({
      where: { id: (await prisma.callTranscript.findFirstOrThrow()).id },
      data: { fetchStatus: "pending" },
    });
    await prisma.job.create({ data: { kind: TRANSCRIPT_JOB_KIND, payload: { transcriptId: row.id } } });
    api().seen.length = 0;
    api().queue.push({ status: 500 }, { status: 502 }, { status: 503 }, { status: 429 });
    expect(await fetchDueTranscripts()).toBe(0);
    const waiting = await prisma.callTranscript.findFirstOrThrow();
    expect(waiting).toMatchObject({ fetchStatus: "pending", fetchError: expect.stringMatching(/429/) });
    expect(waiting.fetchAvailableAt?.getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect(await fetchDueTranscripts()).toBe(0); // not due yet: nothing asked
    expect(transcriptRequests()).toHaveLength(4);
    await laterOn();
    expect(await fetchDueTranscripts()).toBe(1);
    expect((await transcriptOfCall())?.sentences).toHaveLength(2);
  });

  it("no transcript yet (404): tried again later, given up after the last attempt", async () => {
    await accountWithToken();
    await postWebhook("highlevel", recordedCall({ messageId: "call-none" }));
    for (let attempt = 1; attempt <= MAX_ATTEMPTS + 2; attempt++) {
      await fetchDueTranscripts();
      await laterOn();
    }
    const prisma = await getPrisma();
    expect(await prisma.callTranscript.findFirstOrThrow()).toMatchObject({
      fetchStatus: "failed",
      fetchAttempts: MAX_ATTEMPTS,
    });
    expect(transcriptRequests()).toHaveLength(MAX_ATTEMPTS);
  });

  it("never asks for an account without a token, nor after its token is removed", async () => {
    await accountWithToken("loc-no-token", null);
    await postWebhook("highlevel", recordedCall({ locationId: "loc-no-token", conversationId: "conv-x" }));
    const withToken = await accountWithToken();
    await postWebhook("highlevel", recordedCall());
    await clearHighLevelToken(withToken);
    expect(await fetchDueTranscripts()).toBe(0);
    expect(transcriptRequests()).toHaveLength(0);
    expect(await transcriptOfCall("conv-x")).toBeNull();
  });

  it("a token stored later queues the last 90 days' recorded calls (not older ones, not fetched ones)", async () => {
    const accountId = await accountWithToken(TEST_LOCATION, null);
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    await postWebhook("highlevel", recordedCall({ dateAdded: daysAgo(3) }));
    await postWebhook("highlevel", recordedCall({ messageId: "call-old", dateAdded: daysAgo(120) }));
    expect(await fetchDueTranscripts()).toBe(0);

    await setHighLevelToken(accountId, TOKEN);
    expect(await enqueueTranscriptBackfill(accountId)).toBe(1);
    expect(await fetchDueTranscripts()).toBe(1);
    expect(transcriptRequests().map((request) => request.path)).toEqual([
      `/conversations/locations/${TEST_LOCATION}/messages/call-9/transcription`,
    ]);
    const conversation = await conversationByExternalId("conv-1");
    const calls = (await conversationMessages(conversation.id)).body.messages.filter((m) => m.channel === "call");
    // Oldest first: the 120-day-old call has none, the recent one its timed sentences.
    expect(calls.map((call) => call.transcript?.timed ?? null)).toEqual([null, true]);
    // Storing the token again asks nothing more: that call's transcript is here.
    expect(await enqueueTranscriptBackfill(accountId)).toBe(0);
    expect(await fetchDueTranscripts()).toBe(0);
  });

  it("an unrecorded call or an SMS is not queued", async () => {
    await accountWithToken();
    await postWebhook("highlevel", recordedCall({ attachments: [] }));
    await postWebhook("highlevel", highLevelMessage());
    expect(await fetchDueTranscripts()).toBe(0);
    expect(transcriptRequests()).toHaveLength(0);
  });
});
