import { getPrisma } from "@/lib/db";
import { logger } from "@/lib/logger";
import { generateDemoEvents } from "./generate";
import { postEvents } from "./post-events";

// On the first start of the embedded database, Threadline fills itself with the demo by posting
// webhooks to its own endpoints (the same path a provider's delivery takes), then stays out of
// the way: any data at all means it never runs again. THREADLINE_DEMO=off disables it;
// THREADLINE_DEMO=on enables it on PostgreSQL too.

function demoEnabled(): boolean {
  const setting = process.env.THREADLINE_DEMO;
  if (setting === "off") return false;
  if (setting === "on") return true;
  return !process.env.DATABASE_URL;
}

async function waitForServer(baseUrl: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/api/conversations?limit=1`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

export async function seedDemoIfEmpty(baseUrl: string): Promise<void> {
  const prisma = await getPrisma();
  if ((await prisma.webhookEvent.count()) > 0) return;
  const events = generateDemoEvents();
  logger.info("demo: filling the empty database through the webhook endpoints", { events: events.length });
  const started = Date.now();
  const outcomes = await postEvents(baseUrl, events, { concurrency: 4 });
  const failed = outcomes.filter((o) => o.status !== 200 || o.answer === "failed").length;
  logger.info("demo: ready", { events: events.length, failed, seconds: Math.round((Date.now() - started) / 1000) });
}

export function startDemoSeeding(): void {
  if (!demoEnabled()) return;
  const baseUrl = process.env.THREADLINE_BASE_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  void (async () => {
    if (!(await waitForServer(baseUrl, 120_000))) {
      logger.warn("demo: the server did not answer; skipping demo data", { baseUrl });
      return;
    }
    await seedDemoIfEmpty(baseUrl);
  })().catch((error: unknown) => logger.error("demo: seeding failed", { error: (error as Error).message }));
}
