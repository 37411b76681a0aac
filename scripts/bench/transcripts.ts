import type pg from "pg";

// Calls end in every way, and the answered and voicemail ones carry a summary and a transcript
// (issue #14: search covers them). Ingestion stores them with
// `UPDATE messages SET call_summary = …, transcript_text = …` (lib/ingest/calls.ts), the
// transcript being the sentences joined by spaces without speaker names; search_vector is the
// column PostgreSQL generates from subject, body, summary and transcript
// (migration 20261124000300). The bench does the same UPDATE, so the vector and its GIN entries
// are built exactly as in production.

/** Occurs in transcripts only, in about 1 transcript of 2,000 (~20 messages at 1M). */
export const TRANSCRIPT_RARE_WORD = "xylitol";
/** Occurs in transcripts only, in ~30 % of answered calls' transcripts. */
export const TRANSCRIPT_COMMON_WORD = "deductible";

/** Off with BENCH_TRANSCRIPTS=0: the same calls and outcomes without text, the "before" data. */
const WITH_TRANSCRIPTS = process.env.BENCH_TRANSCRIPTS !== "0";
const SENTENCES_PER_SPEAKER = 2_000;

// Words people say on a clinic's or a service business's phone line, function words first:
// a word's index sets its frequency (power(random(), 1.7) favours the start), so "the" is
// everywhere and the tail is rare, as in speech. The 'simple' configuration keeps every word.
const VOCABULARY = `the you i to and a that it is of for we your can on be so have this yes okay
just with what do at my me if are was not no all get but there about like one will they how
know let check see time now right need call back today tomorrow week morning afternoon next
appointment schedule available friday monday tuesday wednesday thursday saturday office
insurance cleaning whitening visit doctor dentist hygienist patient new exam x-ray pain tooth
teeth crown filling implant braces invisalign retainer gum gums bleeding sensitive cavity root
canal extraction wisdom emergency swelling appointment reschedule cancel confirm reminder text
email address phone number date birth name spell last first card payment balance bill invoice
copay coverage plan policy member id group provider network out pay cost estimate price quote
treatment consultation follow up result results prescription pharmacy antibiotic ibuprofen
numb numbing sedation anxious nervous kids children son daughter husband wife family school
work lunch parking location suite floor elevator directions downtown north street avenue
minutes hour early late running traffic wait waiting room form forms paperwork portal online
link sent received message voicemail missed calling returning sorry thanks thank great
perfect sounds good fine sure absolutely definitely maybe probably actually really problem
question questions help helping transfer hold moment please hello hi bye goodbye welcome
calling practice clinic team front desk manager billing department referral specialist
orthodontist periodontist surgeon oral hygiene floss brush brushing mouthwash fluoride
sealant veneers bonding bridge denture dentures partial night guard grinding jaw tmj headache
cold hot chewing broken chipped cracked lost loose fell out since yesterday last week month
year ago years six months overdue recall hola gracias buenos dias cita mañana seguro dolor
diente limpieza llamar por favor sí claro bueno perfecto necesito quiero puedo tengo hablar
español inglés familia niños trabajo horario tarde temprano lunes martes viernes semana
estimate financing carecredit monthly installments discount cash check deposit refund
approved denied pending authorization pre claim submitted processing eob statement`
  .split(/\s+/)
  .filter(Boolean);

const AGENT_OPENERS = [
  "thank you for calling",
  "let me pull up your chart",
  "i can help you with that",
  "one moment please",
  "i see here that",
  "we have an opening",
  "can you confirm your date of birth",
  "is there anything else",
];
const CUSTOMER_OPENERS = [
  "hi i am calling about",
  "yes that works",
  "i was wondering if",
  "my insurance changed and",
  "i need to move my",
  "okay sounds good",
  "can you tell me",
  "hola quería preguntar",
];
const TOPICS = ["cleaning", "crown", "billing", "insurance", "whitening", "tooth pain", "braces", "an x-ray"];
const CLOSINGS = [
  "Appointment booked.",
  "Rescheduled to next week.",
  "Sent the estimate by email.",
  "Will call back tomorrow.",
  "Transferred to billing.",
  "Asked for a callback.",
];

/**
 * Gives every call an outcome and the answered and voicemail calls (half the calls, ~4.5 % of
 * messages) a summary and a transcript: 20–36 alternating agent/customer turns (~300 words)
 * when answered, 3–6 customer turns (~40 words) on voicemail. Turns are drawn from a pool of
 * generated sentences, each a speaker's opener and 4–15 vocabulary words.
 */
export async function giveCallsTranscripts(client: pg.Client, log: (line: string) => void) {
  if (!WITH_TRANSCRIPTS) {
    await client.query(`
      UPDATE messages SET call_outcome = (ARRAY['answered','no_answer','voicemail','busy'])[1 + floor(random() * 4)::int]
      WHERE channel = 'call'`);
    log("  call outcomes (no transcripts: BENCH_TRANSCRIPTS=0)");
    return;
  }
  const started = Date.now();
  // Sentence n: 1..N are the agent's, N+1..2N the customer's.
  await client.query(
    `
    CREATE TEMP TABLE bench_sentences AS
    SELECT s AS n,
           (CASE WHEN s <= $4 THEN $2::text[] ELSE $3::text[] END)[1 + floor(random() * 8)::int]
           || ' ' || (SELECT string_agg(($1::text[])[1 + floor(power(random(), 1.7) * cardinality($1::text[]))::int], ' ')
                      FROM generate_series(1, 4 + floor(random() * 12)::int + 0 * s)) AS text
    FROM generate_series(1, 2 * $4::int) s`,
    [VOCABULARY, AGENT_OPENERS, CUSTOMER_OPENERS, SENTENCES_PER_SPEAKER],
  );
  await client.query("ALTER TABLE bench_sentences ADD PRIMARY KEY (n)");
  const result = await client.query(
    `
    WITH calls AS MATERIALIZED (
      SELECT id, outcome,
             CASE outcome WHEN 'answered' THEN 20 + floor(random() * 17)::int WHEN 'voicemail' THEN 3 + floor(random() * 4)::int ELSE 0 END AS turns,
             random() < 0.3 AND outcome = 'answered' AS says_common, random() < 0.0005 AS says_rare
      FROM (SELECT id, (ARRAY['answered','no_answer','voicemail','busy'])[1 + floor(random() * 4)::int] AS outcome
            FROM messages WHERE channel = 'call') c
    ), turns AS (
      -- Answered calls alternate agent (odd turns) and customer; a voicemail is the customer alone.
      SELECT c.id, t.k,
             CASE WHEN c.outcome = 'answered' AND t.k % 2 = 1 THEN 0 ELSE $1::int END + 1 + floor(random() * $1::int)::int AS n,
             CASE WHEN c.says_common AND t.k = 2 THEN ' ' || $2::text ELSE '' END
             || CASE WHEN c.says_rare AND t.k = c.turns THEN ' ' || $3::text ELSE '' END AS extra
      FROM calls c CROSS JOIN LATERAL generate_series(1, c.turns) t(k)
    ), transcripts AS (
      SELECT t.id, string_agg(s.text || t.extra, ' ' ORDER BY t.k) AS text
      FROM turns t JOIN bench_sentences s USING (n) GROUP BY t.id
    )
    UPDATE messages m SET
      call_outcome = c.outcome,
      call_summary = CASE WHEN c.turns > 0 THEN
        CASE c.outcome WHEN 'voicemail' THEN 'Voicemail: caller asks for a callback about ' ELSE 'Caller asked about ' END
        || ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int] || '.'
        || CASE WHEN c.outcome = 'answered' THEN ' ' || ($5::text[])[1 + floor(random() * cardinality($5::text[]))::int] ELSE '' END END,
      transcript_text = tr.text
    FROM calls c LEFT JOIN transcripts tr USING (id)
    WHERE m.id = c.id`,
    [SENTENCES_PER_SPEAKER, TRANSCRIPT_COMMON_WORD, TRANSCRIPT_RARE_WORD, TOPICS, CLOSINGS],
  );
  await client.query("DROP TABLE bench_sentences");
  const { rows } = await client.query<{ transcripts: number; words: number }>(
    `SELECT count(*)::int AS transcripts, coalesce(avg(array_length(regexp_split_to_array(transcript_text, '\\s+'), 1)), 0)::int AS words
     FROM messages WHERE transcript_text IS NOT NULL`,
  );
  log(
    `  call outcomes for ${result.rowCount?.toLocaleString()} calls, ${rows[0]!.transcripts.toLocaleString()} with a summary and transcript (${rows[0]!.words} words on average) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}
