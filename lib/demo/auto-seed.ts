import { getPrisma } from "@/lib/db";
import { acknowledgeDelivery } from "@/lib/ingest/acknowledge";
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

/** Returns whether it seeded (false when the database already had data). */
export async function seedDemoIfEmpty(): Promise<boolean> {
  const prisma = await getPrisma();
  if ((await prisma.webhookEvent.count()) > 0) return false;
  const events = generateDemoEvents();
  logger.info("demo: filling the empty database through the ingestion path", { events: events.length });
  const started = Date.now();
  const received = await acknowledgeAll(events);
  logger.info("demo: events stored, the worker is processing them", {
    received,
    seconds: Math.round((Date.now() - started) / 1000),
  });
  return true;
}

export function startDemoSeeding(): void {
  if (!demoEnabled()) return;
  void seedDemoIfEmpty().catch((error: unknown) =>
    logger.error("demo: seeding failed", { error: (error as Error).message }),
  );
}
