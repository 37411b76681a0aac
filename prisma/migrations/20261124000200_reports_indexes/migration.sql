-- Reports (issue #15) read an account's messages over a date range: per-day volume, calls,
-- first-response and callback waits, the weekday × hour map. One range scan per account.
CREATE INDEX "messages_account_id_sent_at_idx" ON "messages"("account_id", "sent_at");
