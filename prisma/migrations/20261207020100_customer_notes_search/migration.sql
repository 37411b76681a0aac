-- HighLevel's notes about a customer are searched like internal notes (issue #26 item 6): the
-- same word index over the note's text, for the notes still there (search never reads deleted ones).
CREATE INDEX "customer_notes_search_gin" ON "customer_notes"
  USING GIN (to_tsvector('simple'::regconfig, coalesce("body", ''))) WHERE "deleted_at" IS NULL;
