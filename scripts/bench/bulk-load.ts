import { readFile } from "node:fs/promises";
import path from "node:path";
import { migrationsFolder } from "@/lib/db/migrations";
import { ROLLUP_TABLES } from "@/lib/reports/rollups";
import type pg from "pg";
import { giveCallsTranscripts } from "./transcripts";

// Loads a realistic shape fast, straight in SQL (the issue allows a bulk path for reads):
// several accounts, skewed conversation sizes (a few huge, most small), every channel, both
// directions, a year of history, one 10,000-message thread, the summaries ingestion keeps, and
// calls' summaries and transcripts (transcripts.ts).

export const LONG_THREAD_ID = "bench-cv-long";
export const RARE_WORD = "quetzalcoatl";
export const COMMON_WORD = "appointment";

const CHANNELS =
  "ARRAY['sms','sms','sms','call','voicemail','email','facebook','instagram','gmb','live_chat','whatsapp']";

export async function resetBenchData(client: pg.Client) {
  await client.query(
    `TRUNCATE attachments, messages, opportunities, conversations, customers, accounts, webhook_events, users, ${ROLLUP_TABLES.join(", ")} CASCADE`,
  );
}

export async function bulkLoad(client: pg.Client, messages: number, log: (line: string) => void) {
  const conversations = Math.max(100, Math.round(messages / 10));
  const longThread = Math.min(10_000, Math.round(messages / 10));
  await client.query(`
    INSERT INTO accounts (id, provider, external_id, name)
    SELECT 'bench-acc-' || i, CASE WHEN i % 2 = 0 THEN 'highlevel' ELSE 'voxity' END, 'bench-' || i, 'Bench ' || i
    FROM generate_series(1, 8) i`);
  await client.query(
    `
    INSERT INTO customers (id, account_id, external_id, name, phone, phone_e164, email, email_normalized, tags)
    SELECT 'bench-cu-' || i, 'bench-acc-' || (i % 8 + 1), 'cu' || i,
           (ARRAY['Maria','James','Lucia','Ethan','Sofia','Noah','Camila','Liam'])[i % 8 + 1] || ' ' ||
           (ARRAY['Garcia','Smith','Lopez','Brown','Perez','Davis','Torres','Clark','Young'])[i % 9 + 1] || ' ' || i,
           '+1305' || lpad((5550000 + i)::text, 7, '0'), '+1305' || lpad((5550000 + i)::text, 7, '0'),
           'customer' || i || '@example.com', 'customer' || i || '@example.com', ARRAY['bench']
    FROM generate_series(1, $1::int) i`,
    [conversations],
  );
  await client.query(
    `
    INSERT INTO conversations (id, account_id, customer_id, external_id)
    SELECT 'bench-cv-' || i, 'bench-acc-' || (i % 8 + 1), 'bench-cu-' || i, 'cv' || i FROM generate_series(1, $1::int) i
    UNION ALL SELECT $2, 'bench-acc-1', 'bench-cu-1', 'cv-long'`,
    [conversations, LONG_THREAD_ID],
  );
  log(`  ${conversations.toLocaleString()} conversations, ${messages.toLocaleString()} messages: inserting…`);
  const chunk = 250_000;
  for (let offset = 0; offset < messages - longThread; offset += chunk) {
    const count = Math.min(chunk, messages - longThread - offset);
    // power(random(), 3) skews towards low ids: a few conversations get most messages.
    await client.query(
      `
      INSERT INTO messages (id, account_id, conversation_id, external_id, channel, direction, status, body, body_text, sent_at)
      SELECT 'bench-m-' || g, 'bench-acc-' || (cv % 8 + 1), 'bench-cv-' || cv, 'm' || g,
             (${CHANNELS})[1 + floor(random() * 11)::int], CASE WHEN random() < 0.5 THEN 'inbound' ELSE 'outbound' END,
             CASE WHEN random() < 0.03 THEN 'failed' ELSE 'delivered' END, body, body, now() - random() * interval '365 days'
      FROM (
        SELECT g, 1 + floor(power(random(), 3) * $3::int)::int AS cv,
               (ARRAY['hello','thanks','tomorrow','insurance','cleaning','whitening','parking','invoice','hola','gracias','mañana','cita'])[1 + floor(random() * 12)::int]
               || ' ' || CASE WHEN random() < 0.3 THEN '${COMMON_WORD}' ELSE 'visit' END
               || ' ' || CASE WHEN random() < 0.00002 THEN '${RARE_WORD}' ELSE md5(g::text) END AS body
        FROM generate_series($1::int, $1::int + $2::int - 1) g
      ) s`,
      [offset + 1, count, conversations],
    );
  }
  await client.query(
    `
    INSERT INTO messages (id, account_id, conversation_id, external_id, channel, direction, status, body, body_text, sent_at)
    SELECT 'bench-long-' || g, 'bench-acc-1', $1, 'long' || g, CASE WHEN g % 7 = 0 THEN 'call' ELSE 'sms' END,
           CASE WHEN g % 2 = 0 THEN 'inbound' ELSE 'outbound' END, 'delivered', 'long thread message ' || g, 'long thread message ' || g,
           now() - (($2::int - g) * interval '1 minute')
    FROM generate_series(1, $2::int) g`,
    [LONG_THREAD_ID, longThread],
  );
  log("  summaries…");
  await client.query(`
    WITH kinds AS (
      SELECT conversation_id, array_agg(DISTINCT channel || ':' || direction ORDER BY channel || ':' || direction) AS kinds
      FROM messages GROUP BY conversation_id
    ), last AS (
      SELECT DISTINCT ON (conversation_id) conversation_id, sent_at, id, body, channel, direction
      FROM messages ORDER BY conversation_id, sent_at DESC, id DESC
    )
    UPDATE conversations c SET
      last_message_at = last.sent_at, last_message_id = last.id, last_message_preview = left(last.body, 140),
      last_message_channel = last.channel, last_message_direction = last.direction, message_kinds = kinds.kinds,
      unread_count = CASE WHEN last.direction = 'inbound' THEN 1 ELSE 0 END
    FROM last JOIN kinds USING (conversation_id)
    WHERE last.conversation_id = c.id`);
  // Calls end in every way, so Callbacks has rows, and carry summaries and transcripts (#14).
  await giveCallsTranscripts(client, log);
  log("  triage state…");
  // The state comes from the migration's own backfill.
  const migration = await readFile(path.join(migrationsFolder(), "20261123210000_triage", "migration.sql"), "utf8");
  await client.query(migration.slice(migration.indexOf('UPDATE "conversations"')));
  await client.query("VACUUM ANALYZE");
}
