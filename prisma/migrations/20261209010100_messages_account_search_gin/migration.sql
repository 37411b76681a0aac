-- Search is always within the viewer's accounts (#28 item 5). The word index held every account's
-- messages, so a search read the word's matches of all accounts and dropped the others' rows one by
-- one from the table: 7,000 rows for a transcript word in 0.7 % of 1M messages, twice per search
-- (the conversations, then the hits). With the account as a column of the same GIN index (btree_gin
-- lets a GIN index hold a plain text column), PostgreSQL intersects the word's entries with the
-- account's inside the index and reads only the viewer's rows. The index still answers a search
-- over every account (an administrator's: the word column alone), so it replaces the old one.
-- btree_gin ships with PostgreSQL's contrib; where it is not there (the embedded PGlite loads no
-- extension) the old index stays and the search runs the same SQL.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'btree_gin') THEN
    CREATE EXTENSION IF NOT EXISTS btree_gin;
    CREATE INDEX IF NOT EXISTS "messages_account_search_gin" ON "messages" USING GIN ("account_id", "search_vector");
    DROP INDEX IF EXISTS "messages_search_vector_gin";
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'btree_gin cannot be created here: search filters the word''s matches by account instead';
END $$;
