import { z } from "zod";
import { defineJob } from "@/lib/jobs/definition";
import { drainMailNow } from "./sender";

// The outbox's periodic pass as a recurring job on the one queue (lib/jobs/recurring.ts), instead
// of a timer in every process: it sends mail whose retry is due and mail queued by an instance
// that stopped before its own kick ran. The outbox table stays the mail's record (its status is
// what Settings shows for an invitation); the rows are claimed with SKIP LOCKED as before.

const EVERY_MS = Number(process.env.THREADLINE_MAIL_SWEEP_SECONDS) * 1000 || 15_000;

export const mailOutboxJob = defineJob({
  kind: "drain-mail-outbox",
  payload: z.object({ recurring: z.literal(true) }),
  semantics: "at-least-once",
  maxAttempts: 1,
  leaseMs: 10 * 60_000,
  concurrency: 1,
  everyMs: EVERY_MS,
  async run() {
    await drainMailNow();
    return { outcome: "done" };
  },
});
