-- Transcript fetches move to the one job queue (lib/jobs): every transcript still waiting gets its
-- fetch job, due when its row said it was due; the row's own lease column is no longer a queue.
INSERT INTO "jobs" ("id", "kind", "account_id", "payload", "run_after")
SELECT gen_random_uuid()::text, 'fetch-transcript', "account_id", jsonb_build_object('transcriptId', "id"),
       COALESCE("fetch_available_at", now())
FROM "call_transcripts"
WHERE "fetch_status" = 'pending';

-- A recurring kind (lib/jobs/recurring.ts) has one live job at a time, whichever worker makes it.
CREATE UNIQUE INDEX "jobs_one_live_recurring" ON "jobs" ("kind")
WHERE "state" IN ('queued', 'running') AND "payload" ? 'recurring';
