-- Finished jobs pile up ('done' is never deleted); the queue's health per kind (/events, GET /api/jobs)
-- and the lease sweep read only the jobs that are not done: this index keeps them cheap however
-- many done jobs there are.
CREATE INDEX "jobs_not_done_idx" ON "jobs" ("state", "kind") WHERE "state" <> 'done';
