-- Urgent callbacks and closing-only messages (issue #26 items 1 and 2; docs/triage-rules.md).
--
-- Two facts per message, decided by lib/triage when the message (or its Voice AI report) is
-- stored, that the triage rules in lib/triage/rules.ts and the report rollups read:
--   closing          an inbound message that only closes the exchange ("Thanks, see you then 👍"):
--                    it asks nothing, so it starts no wait for a reply.
--   callback_due_at  a Voice AI call that was urgent or promised a callback: it owes a callback
--                    (by then) like a missed call, and does not return one.
-- Per account: the closing phrases an owner edited (null: the default list) and the callback SLA.
ALTER TABLE "messages"
  ADD COLUMN "closing" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "callback_due_at" TIMESTAMPTZ(3);
ALTER TABLE "accounts"
  ADD COLUMN "closing_phrases" TEXT,
  ADD COLUMN "callback_sla_minutes" INTEGER NOT NULL DEFAULT 120;

-- The rollups' wait rules follow lib/triage/rules.ts again (asks without closing messages; a
-- promised callback is missed, not returned): report_fill_conversations of
-- 20261124000500_report_rollups with those two changes.

-- Recomputes the wait facts and start of the conversations whose messages `chosen` (a condition
-- on messages m: $1 is an array of conversation ids, $2 an account id or null) selects, from
-- all their messages; their old facts must be deleted first. Dynamic SQL: each call is planned
-- for its own argument, one conversation (index probes) or every one of an account (scans).
CREATE OR REPLACE FUNCTION report_fill_conversations(chosen TEXT, ids TEXT[], account TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($q$
  INSERT INTO report_conversation_starts (conversation_id, account_id, started_at)
  SELECT m.conversation_id, min(m.account_id), min(m.sent_at) FROM messages m WHERE %s GROUP BY 1
  $q$, chosen) USING ids, account;

  -- A wait starts at a customer message whose previous asking-or-answering message was an
  -- answer (or none); it ends at the next answer on any channel.
  EXECUTE format($q$
  INSERT INTO report_reply_waits (conversation_id, account_id, started_at, channel, replied_at, agent_id, agent_name)
  SELECT w.conversation_id, w.account_id, w.sent_at, w.channel, r.sent_at,
    CASE WHEN r.sent_at IS NULL THEN NULL ELSE COALESCE(r.author_external_id, '') END, r.author_name
  FROM (
    SELECT m.conversation_id, m.account_id, m.sent_at, m.channel, m.ask,
      lag(m.ask) OVER (PARTITION BY m.conversation_id ORDER BY m.sent_at, m.id) AS prev_ask
    FROM (
      SELECT m.*, (m.direction = 'inbound' AND m.channel NOT IN ('call', 'voicemail') AND NOT m.closing) AS ask
      FROM messages m
      WHERE %s AND (
        (m.direction = 'inbound' AND m.channel NOT IN ('call', 'voicemail') AND NOT m.closing)
        OR (m.direction = 'outbound' AND (m.channel <> 'call' OR m.call_outcome IN ('answered', 'voicemail')))
        OR (m.direction = 'inbound' AND m.channel = 'call' AND m.call_outcome = 'answered'))
    ) m
  ) w
  LEFT JOIN LATERAL (
    SELECT a.sent_at, a.author_external_id, a.author_name FROM messages a
    WHERE a.conversation_id = w.conversation_id AND a.sent_at > w.sent_at
      AND ((a.direction = 'outbound' AND (a.channel <> 'call' OR a.call_outcome IN ('answered', 'voicemail')))
        OR (a.direction = 'inbound' AND a.channel = 'call' AND a.call_outcome = 'answered'))
    ORDER BY a.sent_at, a.id LIMIT 1
  ) r ON TRUE
  WHERE w.ask AND w.prev_ask IS NOT TRUE
  $q$, chosen) USING ids, account;

  -- A missed inbound call or voicemail, or a Voice AI call that promised a callback, starts a
  -- wait unless one is running; the next outbound call, or an answered call that promised
  -- nothing, returns it.
  EXECUTE format($q$
  INSERT INTO report_callback_waits (conversation_id, account_id, started_at, returned_at)
  SELECT w.conversation_id, w.account_id, w.sent_at, r.sent_at
  FROM (
    SELECT m.conversation_id, m.account_id, m.sent_at, m.miss,
      lag(m.miss) OVER (PARTITION BY m.conversation_id ORDER BY m.sent_at, m.id) AS prev_miss
    FROM (
      SELECT m.*, ((m.direction = 'inbound' AND (m.channel = 'voicemail'
        OR (m.channel = 'call' AND m.call_outcome IN ('no_answer', 'busy', 'failed', 'voicemail'))))
        OR m.callback_due_at IS NOT NULL) AS miss
      FROM messages m
      WHERE %s AND m.channel IN ('call', 'voicemail')
    ) m
    WHERE m.miss OR (m.channel = 'call' AND (m.direction = 'outbound' OR m.call_outcome = 'answered'))
  ) w
  LEFT JOIN LATERAL (
    SELECT a.sent_at FROM messages a
    WHERE a.conversation_id = w.conversation_id AND a.sent_at > w.sent_at
      AND a.channel = 'call' AND (a.direction = 'outbound' OR a.call_outcome = 'answered') AND a.callback_due_at IS NULL
    ORDER BY a.sent_at, a.id LIMIT 1
  ) r ON TRUE
  WHERE w.miss AND w.prev_miss IS NOT TRUE
  $q$, chosen) USING ids, account;
END $$;


-- The rollups' statement trigger reacts to the columns a report reads; a message that becomes
-- closing or starts owing a callback (its Voice AI report arrived after it) changes its
-- conversation's waits too: those rare updates refresh that conversation's facts.
CREATE FUNCTION report_triage_marks_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh_conversations(ARRAY[NEW.conversation_id]);
  RETURN NULL;
END $$;

CREATE TRIGGER report_messages_triage_marks AFTER UPDATE OF "closing", "callback_due_at" ON "messages"
  FOR EACH ROW WHEN (OLD."closing" IS DISTINCT FROM NEW."closing" OR OLD."callback_due_at" IS DISTINCT FROM NEW."callback_due_at")
  EXECUTE FUNCTION report_triage_marks_changed();
