import { demoEnabled } from "@/lib/demo-mode";
import { getPrisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { acknowledgeDelivery } from "@/lib/ingest/acknowledge";
import { DEMO_VOXITY_NAMES } from "./name-scenarios";
import { logger } from "@/lib/logger";
import { PROVIDER_ADAPTERS } from "@/lib/providers";
import { markDemoConversationsDone } from "./demo-done";
import { generateDemoEvents, type DemoEvent } from "./generate";
import { demoTranscripts } from "./call-stories";
import { enableDemoSending } from "./sending";

// On the first start of the embedded database, Threadline fills itself with the demo through
// the same ingestion every webhook delivery goes through, then stays out of the way: any
// data at all means it never runs again. It runs in-process (not over HTTP) because only
// HighLevel holds the key its endpoint trusts. THREADLINE_DEMO=off disables it;
// THREADLINE_DEMO=on enables it on PostgreSQL too.

/** Stores every event as a delivery would; the worker then processes them like any other. */
async function acknowledgeAll(events: DemoEvent[]): Promise<number> {
  let received = 0;
  for (const event of events) {
    const body = Buffer.from(JSON.stringify(event.payload));
    const { status } = await acknowledgeDelivery(PROVIDER_ADAPTERS[event.provider], body, event.payload, null);
    if (status === "received") received++;
  }
  return received;
}

/**
 * The demo has no HighLevel API to fetch its recorded calls' transcripts from: it stores what
 * that API would answer, before the calls arrive (ingestion attaches them, as for any transcript
 * that comes first). Its accounts are made here for that; ingestion then finds them.
 */
async function writeDemoTranscripts(events: DemoEvent[]): Promise<void> {
  const prisma = await getPrisma();
  const transcripts = demoTranscripts(events);
  const locations = [...new Set(transcripts.map((transcript) => transcript.locationId))];
  await prisma.account.createMany({
    data: locations.map((externalId) => ({ provider: "highlevel", externalId })),
    skipDuplicates: true,
  });
  const accounts = await prisma.account.findMany({
    where: { provider: "highlevel", externalId: { in: locations } },
    select: { id: true, externalId: true },
  });
  const accountOf = new Map(accounts.map((account) => [account.externalId, account.id]));
  await prisma.callTranscript.createMany({
    data: transcripts.map((transcript) => ({
      accountId: accountOf.get(transcript.locationId)!,
      messageExternalId: transcript.messageExternalId,
      sentences: transcript.sentences as unknown as Prisma.InputJsonValue,
      fetchStatus: "fetched",
    })),
    skipDuplicates: true,
  });
}

/** Returns whether it seeded (false when the database already had data). */
export async function seedDemoIfEmpty(): Promise<boolean> {
  const prisma = await getPrisma();
  if ((await prisma.webhookEvent.count()) > 0) return false;
  const events = generateDemoEvents();
  logger.info("demo: filling the empty database through the ingestion path", { events: events.length });
  const started = Date.now();
  await writeDemoTranscripts(events);
  // Voxity payloads name no agent: the demo's accounts get their names before their events.
  await prisma.account.createMany({
    data: Object.entries(DEMO_VOXITY_NAMES).map(([externalId, name]) => ({ provider: "voxity", externalId, name })),
    skipDuplicates: true,
  });
  const received = await acknowledgeAll(events);
  logger.info("demo: events stored, the worker is processing them", {
    received,
    seconds: Math.round((Date.now() - started) / 1000),
  });
  void markDemoConversationsDone()
    .then((done) => logger.info("demo: conversations marked done", { done }))
    .catch((error: unknown) => logger.error("demo: marking done failed", { error: (error as Error).message }));
  return true;
}

export function startDemoSeeding(): void {
  if (!demoEnabled()) return;
  // Replies from demo locations without a token go to the demo's stand-in for HighLevel.
  enableDemoSending();
  void seedDemoIfEmpty().catch((error: unknown) =>
    logger.error("demo: seeding failed", { error: (error as Error).message }),
  );
}
