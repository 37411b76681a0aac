import { getPrisma } from "@/lib/db";
import { ingestDelivery } from "@/lib/ingest/ingest-delivery";
import { logger } from "@/lib/logger";
import { PROVIDER_ADAPTERS } from "@/lib/providers";
import { generateDemoEvents, type DemoEvent } from "./generate";

// On the first start of the embedded database, Threadline fills itself with the demo through
// the same ingestion every webhook delivery goes through, then stays out of the way: any
// data at all means it never runs again. It runs in-process (not over HTTP) because only
// HighLevel holds the key its endpoint trusts. THREADLINE_DEMO=off disables it;
// THREADLINE_DEMO=on enables it on PostgreSQL too.

export function demoEnabled(): boolean {
  const setting = process.env.THREADLINE_DEMO;
  if (setting === "off") return false;
  if (setting === "on") return true;
  return !process.env.DATABASE_URL;
}

async function ingestAll(events: DemoEvent[], concurrency: number): Promise<number> {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < events.length) {
      const event = events[next++]!;
      const result = await ingestDelivery(PROVIDER_ADAPTERS[event.provider], event.payload);
      if (result.status === "failed") failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return failed;
}

/** Returns whether it seeded (false when the database already had data). */
export async function seedDemoIfEmpty(): Promise<boolean> {
  const prisma = await getPrisma();
  if ((await prisma.webhookEvent.count()) > 0) return false;
  const events = generateDemoEvents();
  logger.info("demo: filling the empty database through the ingestion path", { events: events.length });
  const started = Date.now();
  const failed = await ingestAll(events, 4);
  logger.info("demo: ready", { events: events.length, failed, seconds: Math.round((Date.now() - started) / 1000) });
  return true;
}

export function startDemoSeeding(): void {
  if (!demoEnabled()) return;
  void seedDemoIfEmpty().catch((error: unknown) => logger.error("demo: seeding failed", { error: (error as Error).message }));
}
