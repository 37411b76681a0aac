-- Search matches a fragment anywhere in a customer's name, email or phone (LIKE '%…%', #28): with
-- no index for that, every search read each customer of the viewer's accounts (12,500 per account
-- in the bench: ~50 ms of a 20-people search round's CPU). A trigram index answers a fragment of
-- three or more characters from the index. pg_trgm ships with PostgreSQL's contrib; where it is not
-- there (the embedded PGlite loads no extension) the search runs the same SQL without the index.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    -- The expressions are the ones lib/inbox/conversation-search.ts matches (customer_hits).
    CREATE INDEX IF NOT EXISTS "customers_search_trgm" ON "customers" USING GIN (
      (lower(coalesce("name", '') || ' ' || coalesce("first_name", '') || ' ' || coalesce("last_name", ''))) gin_trgm_ops,
      "email_normalized" gin_trgm_ops,
      (lower("phone")) gin_trgm_ops,
      "phone_e164" gin_trgm_ops);
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'pg_trgm cannot be created here: customer search reads the accounts'' customers instead';
END $$;
