-- Saved views (issue #24 item 7): the list's filters and search under a name, the person's own or
-- shared with one account's team. `query` is the list's URL query (view, channel, q, label…),
-- validated like the list's own parameters whenever it is read.
CREATE TABLE "saved_views" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "account_id" TEXT,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "saved_views_pkey" PRIMARY KEY ("id"),
    -- A shared view belongs to one account (its team sees it); a private one may span accounts.
    CONSTRAINT "saved_views_shared_account_check" CHECK (NOT "shared" OR "account_id" IS NOT NULL)
);
CREATE INDEX "saved_views_user_idx" ON "saved_views"("user_id");
CREATE INDEX "saved_views_account_idx" ON "saved_views"("account_id") WHERE "shared";
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
