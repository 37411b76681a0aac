// What the HighLevel stand-in (lib/testing/highlevel-api.ts) and its endpoint files share: an
// answer as it sends it, and the sends it holds for later. Its own file so the endpoint files
// need not import the stand-in that imports them.

export interface StubAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Sends held for later (a scheduledTimestamp), by message id, with their email id (emails). */
export type ScheduledSends = Map<string, { scheduledTimestamp: number; emailMessageId: string | null }>;
