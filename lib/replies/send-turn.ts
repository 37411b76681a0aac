import { getPrisma } from "@/lib/db";
import type { JobResult } from "@/lib/jobs/definition";
import { takeHighLevelToken } from "@/lib/providers/highlevel/api/rate-limit";

// A send's turn under HighLevel's 100 requests per 10 s per location, shared by every worker
// (lib/providers/highlevel/api/rate-limit.ts). Without a turn the job does not call HighLevel
// and runs again when one frees: nothing was sent, so running again is safe, and the wait is not
// counted as an attempt.

/** Spreads the jobs that wake for the same freed place over a little time (full jitter). */
const JITTER_MS = 250;

/** Null when the send may go now; else the retry that waits for a turn. */
export async function waitForHighLevelTurn(locationId: string): Promise<JobResult | null> {
  const turn = await takeHighLevelToken(await getPrisma(), locationId);
  if (turn.taken) return null;
  return {
    outcome: "retry",
    afterMs: turn.waitMs + Math.round(Math.random() * JITTER_MS),
    error: "Waiting its turn under HighLevel's limit of 100 requests per 10 seconds: not sent yet",
    notAnAttempt: true,
  };
}
