import { getPrisma } from "@/lib/db";
import { Admission, type AdmissionPolicy } from "@/lib/http/admission";

// The webhook endpoints' admission control (one per process, on globalThis: Next bundles routes
// separately), with its settings and the event backlog it reads. The backlog is sampled by a
// request at most every BACKLOG_SAMPLE_MS, in the background: a decision uses the last sample and
// never waits for the database, which is the thing that is slow when admission matters.

const BACKLOG_SAMPLE_MS = 2_000;

const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && process.env[name] !== undefined && process.env[name] !== "" ? value : fallback;
};

export function webhookAdmissionPolicy(): AdmissionPolicy {
  const maxInFlight = setting("THREADLINE_WEBHOOK_MAX_IN_FLIGHT", 1024);
  return {
    maxInFlight,
    minInFlight: Math.min(maxInFlight, setting("THREADLINE_WEBHOOK_MIN_IN_FLIGHT", 32)),
    waitBudgetMs: setting("THREADLINE_WEBHOOK_WAIT_BUDGET_MS", 3_000),
    // Under the ack deadline (4.5 s): a delivery admitted behind a stall would only be answered 429 later.
    stallMs: setting("THREADLINE_WEBHOOK_STALL_MS", 4_000),
    maxBacklog: setting("THREADLINE_WEBHOOK_MAX_BACKLOG", 100_000),
  };
}

class BacklogSampler {
  private value: number | null = null;
  private sampledAt = -Infinity;
  private pending = false;

  constructor(private readonly cap: number) {}

  /** The last sample; starts a new one in the background when it is old. */
  read = (): number | null => {
    const now = performance.now();
    if (!this.pending && now - this.sampledAt >= BACKLOG_SAMPLE_MS) {
      this.pending = true;
      this.sampledAt = now;
      void this.sample().finally(() => (this.pending = false));
    }
    return this.value;
  };

  private async sample(): Promise<void> {
    try {
      const prisma = await getPrisma();
      // Capped: past the limit the exact depth does not change the decision (partial index on pending events).
      const rows = await prisma.$queryRaw<Array<{ n: number }>>`
        SELECT count(*)::int AS "n" FROM (
          SELECT 1 FROM "webhook_events" WHERE "status" IN ('received', 'processing') LIMIT ${this.cap + 1}
        ) AS "pending"`;
      this.value = rows[0]?.n ?? null;
    } catch {
      // Keep the last sample: an unreachable database shows up as stalled requests instead.
    }
  }
}

const globalForAdmission = globalThis as unknown as { threadlineWebhookAdmission?: Admission };

export function webhookAdmission(): Admission {
  if (globalForAdmission.threadlineWebhookAdmission) return globalForAdmission.threadlineWebhookAdmission;
  const policy = webhookAdmissionPolicy();
  const sampler = policy.maxBacklog > 0 ? new BacklogSampler(policy.maxBacklog) : null;
  return (globalForAdmission.threadlineWebhookAdmission = new Admission(policy, {
    initialThroughputPerSecond: setting("THREADLINE_WEBHOOK_ASSUMED_THROUGHPUT", 200),
    windowMs: 500,
    peakHalfLifeMs: 60_000,
    backlog: sampler?.read,
  }));
}
