-- Report rollups (issue #15): the reports read these instead of scanning messages.
--
-- * Counts per 15-minute UTC bucket. Every real time zone's offset is a multiple of 15 minutes
--   (India +5:30, Nepal +5:45, Chatham +12:45), so each bucket falls inside one local hour of any
--   zone and a local day's bounds are bucket bounds: days, hours and weekdays in the viewer's
--   zone stay exact.
-- * Percentiles cannot be summed, so waits are facts: one row per customer wait for a reply and
--   per missed call waiting for a callback, with when it ended; a report reads only the waits
--   that started in its range.
--
-- Statement-level triggers on messages keep them in the transaction that writes the messages,
-- whichever path writes them (every provider's ingestion, the triage recompute, seeds, bulk
-- loads): counts move by the rows inserted, updated or deleted; the facts of each touched
-- conversation are recomputed from its messages, so out-of-order and redelivered messages give
-- the same facts as in-order ones. report_rebuild (npm run reports:rebuild) recomputes everything.
-- The wait rules repeat lib/triage/rules.ts (asks, answers, missed, returns).

CREATE TABLE "report_message_buckets" (
    "account_id" TEXT NOT NULL,
    "bucket" TIMESTAMPTZ NOT NULL,
    "channel" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    -- For calls the outcome ('unknown' when none), 'voicemail' for a voicemail, '' otherwise.
    "outcome" TEXT NOT NULL,
    "messages" INTEGER NOT NULL,
    CONSTRAINT "report_message_buckets_pkey" PRIMARY KEY ("account_id", "bucket", "channel", "direction", "outcome")
);

-- Per author ('' for none): outbound messages (calls excepted), outbound calls, answered calls.
CREATE TABLE "report_agent_buckets" (
    "account_id" TEXT NOT NULL,
    "bucket" TIMESTAMPTZ NOT NULL,
    "agent_id" TEXT NOT NULL,
    "agent_name" TEXT,
    "messages_sent" INTEGER NOT NULL,
    "calls_made" INTEGER NOT NULL,
    "calls_answered" INTEGER NOT NULL,
    CONSTRAINT "report_agent_buckets_pkey" PRIMARY KEY ("account_id", "bucket", "agent_id")
);

-- A customer's wait for a reply: agent_id '' for a reply no person is recorded for, null while unanswered.
CREATE TABLE "report_reply_waits" (
    "conversation_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "channel" TEXT NOT NULL,
    "replied_at" TIMESTAMPTZ(3),
    "agent_id" TEXT,
    "agent_name" TEXT
);
CREATE INDEX "report_reply_waits_account_started_idx" ON "report_reply_waits" ("account_id", "started_at");
CREATE INDEX "report_reply_waits_conversation_idx" ON "report_reply_waits" ("conversation_id");

-- A missed call's (or voicemail's) wait for a callback.
CREATE TABLE "report_callback_waits" (
    "conversation_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "returned_at" TIMESTAMPTZ(3)
);
CREATE INDEX "report_callback_waits_account_started_idx" ON "report_callback_waits" ("account_id", "started_at");
CREATE INDEX "report_callback_waits_conversation_idx" ON "report_callback_waits" ("conversation_id");

-- A conversation starts with its first message by the provider's time.
CREATE TABLE "report_conversation_starts" (
    "conversation_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "report_conversation_starts_pkey" PRIMARY KEY ("conversation_id")
);
CREATE INDEX "report_conversation_starts_account_started_idx" ON "report_conversation_starts" ("account_id", "started_at");

-- The statements adding the counts of `source` (a query over messages rows with a sign column,
-- +1 or -1). The caller executes them: a trigger's transition tables are visible only in the
-- trigger function itself.
CREATE FUNCTION report_count(source TEXT) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY[format($q$
    INSERT INTO report_message_buckets AS b (account_id, bucket, channel, direction, outcome, messages)
    SELECT account_id, date_bin('15 minutes', sent_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'), channel, direction,
      CASE WHEN channel = 'voicemail' THEN 'voicemail' WHEN channel = 'call' THEN COALESCE(call_outcome, 'unknown') ELSE '' END,
      sum(sign)
    FROM (%s) d
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (account_id, bucket, channel, direction, outcome) DO UPDATE SET messages = b.messages + excluded.messages
  $q$, source), format($q$
    INSERT INTO report_agent_buckets AS b (account_id, bucket, agent_id, agent_name, messages_sent, calls_made, calls_answered)
    SELECT account_id, date_bin('15 minutes', sent_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'), COALESCE(author_external_id, ''),
      max(author_name),
      COALESCE(sum(sign) FILTER (WHERE direction = 'outbound' AND channel NOT IN ('call', 'voicemail')), 0),
      COALESCE(sum(sign) FILTER (WHERE direction = 'outbound' AND channel = 'call'), 0),
      COALESCE(sum(sign) FILTER (WHERE channel = 'call' AND call_outcome = 'answered'), 0)
    FROM (%s) d
    WHERE direction = 'outbound' OR (channel = 'call' AND call_outcome = 'answered')
    GROUP BY 1, 2, 3
    HAVING sum(sign) <> 0 OR sum(sign) FILTER (WHERE channel = 'call' AND call_outcome = 'answered') <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT (account_id, bucket, agent_id) DO UPDATE SET
      agent_name = GREATEST(b.agent_name, excluded.agent_name),
      messages_sent = b.messages_sent + excluded.messages_sent,
      calls_made = b.calls_made + excluded.calls_made,
      calls_answered = b.calls_answered + excluded.calls_answered
  $q$, source)]
$$;

-- Recomputes the wait facts and start of the conversations whose messages `chosen` (a condition
-- on messages m: $1 is an array of conversation ids, $2 an account id or null) selects, from
-- all their messages; their old facts must be deleted first. Dynamic SQL: each call is planned
-- for its own argument, one conversation (index probes) or every one of an account (scans).
CREATE FUNCTION report_fill_conversations(chosen TEXT, ids TEXT[], account TEXT) RETURNS void LANGUAGE plpgsql AS $$
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
      SELECT m.*, (m.direction = 'inbound' AND m.channel NOT IN ('call', 'voicemail')) AS ask
      FROM messages m
      WHERE %s AND (
        (m.direction = 'inbound' AND m.channel NOT IN ('call', 'voicemail'))
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

  -- A missed inbound call or voicemail starts a wait unless one is running; the next outbound
  -- call, or an answered call, returns it.
  EXECUTE format($q$
  INSERT INTO report_callback_waits (conversation_id, account_id, started_at, returned_at)
  SELECT w.conversation_id, w.account_id, w.sent_at, r.sent_at
  FROM (
    SELECT m.conversation_id, m.account_id, m.sent_at, m.miss,
      lag(m.miss) OVER (PARTITION BY m.conversation_id ORDER BY m.sent_at, m.id) AS prev_miss
    FROM (
      SELECT m.*, (m.direction = 'inbound' AND (m.channel = 'voicemail'
        OR (m.channel = 'call' AND m.call_outcome IN ('no_answer', 'busy', 'failed', 'voicemail')))) AS miss
      FROM messages m
      WHERE %s AND m.channel IN ('call', 'voicemail')
    ) m
    WHERE m.miss OR (m.channel = 'call' AND (m.direction = 'outbound' OR m.call_outcome = 'answered'))
  ) w
  LEFT JOIN LATERAL (
    SELECT a.sent_at FROM messages a
    WHERE a.conversation_id = w.conversation_id AND a.sent_at > w.sent_at
      AND a.channel = 'call' AND (a.direction = 'outbound' OR a.call_outcome = 'answered')
    ORDER BY a.sent_at, a.id LIMIT 1
  ) r ON TRUE
  WHERE w.miss AND w.prev_miss IS NOT TRUE
  $q$, chosen) USING ids, account;
END $$;

-- Recomputes the facts of the given conversations (the trigger's few).
CREATE FUNCTION report_refresh_conversations(ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM report_reply_waits WHERE conversation_id = ANY (ids);
  DELETE FROM report_callback_waits WHERE conversation_id = ANY (ids);
  DELETE FROM report_conversation_starts WHERE conversation_id = ANY (ids);
  PERFORM report_fill_conversations('m.conversation_id = ANY ($1)', ids, NULL);
END $$;

-- The trigger: counts by the changed rows, facts of the touched conversations. An update that
-- changes nothing a report reads (delivery status, bodies, read marks) does nothing.
CREATE FUNCTION report_messages_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  statement TEXT;
  relevant CONSTANT TEXT := 'account_id, conversation_id, sent_at, channel, direction, call_outcome, author_external_id, author_name';
  ids TEXT[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    FOREACH statement IN ARRAY report_count(format('SELECT %s, 1 AS sign FROM new_rows', relevant)) LOOP
      EXECUTE statement;
    END LOOP;
    SELECT array_agg(DISTINCT conversation_id) INTO ids FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    FOREACH statement IN ARRAY report_count(format('SELECT %s, -1 AS sign FROM old_rows', relevant)) LOOP
      EXECUTE statement;
    END LOOP;
    SELECT array_agg(DISTINCT conversation_id) INTO ids FROM old_rows;
  ELSE
    -- Old rows count -1 and new ones +1: what an update left unchanged cancels out. No join of
    -- the transition tables (they have no statistics, and a nested loop over a bulk update is
    -- quadratic): a hash aggregate finds the rows whose read columns changed.
    FOREACH statement IN ARRAY report_count(format(
      'SELECT %1$s, 1 AS sign FROM new_rows UNION ALL SELECT %1$s, -1 FROM old_rows', relevant)) LOOP
      EXECUTE statement;
    END LOOP;
    EXECUTE format('SELECT array_agg(DISTINCT conversation_id) FROM (
        SELECT id, %1$s, sum(sign) FROM (SELECT id, %1$s, 1 AS sign FROM new_rows UNION ALL SELECT id, %1$s, -1 FROM old_rows) d
        GROUP BY id, %1$s HAVING sum(sign) <> 0) c', relevant) INTO ids;
  END IF;
  IF ids IS NOT NULL THEN
    PERFORM report_refresh_conversations(ids);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER report_messages_inserted AFTER INSERT ON "messages"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_messages_changed();
CREATE TRIGGER report_messages_updated AFTER UPDATE ON "messages"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_messages_changed();
CREATE TRIGGER report_messages_deleted AFTER DELETE ON "messages"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_messages_changed();

-- Recomputes every rollup of one account (or of all, given null) from its messages. Writers
-- wait meanwhile (a share lock on messages), so no message is counted twice or missed.
CREATE FUNCTION report_rebuild(account TEXT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  statement TEXT;
BEGIN
  LOCK TABLE messages IN SHARE MODE;
  DELETE FROM report_message_buckets WHERE account IS NULL OR account_id = account;
  DELETE FROM report_agent_buckets WHERE account IS NULL OR account_id = account;
  DELETE FROM report_reply_waits WHERE account IS NULL OR account_id = account;
  DELETE FROM report_callback_waits WHERE account IS NULL OR account_id = account;
  DELETE FROM report_conversation_starts WHERE account IS NULL OR account_id = account;
  FOREACH statement IN ARRAY report_count(format(
    'SELECT account_id, sent_at, channel, direction, call_outcome, author_external_id, author_name, 1 AS sign FROM messages WHERE %L IS NULL OR account_id = %L',
    account, account)) LOOP
    EXECUTE statement;
  END LOOP;
  PERFORM report_fill_conversations('($2::text IS NULL OR m.account_id = $2)', NULL, account);
END $$;

SELECT report_rebuild(NULL);
