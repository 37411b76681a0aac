-- The provider's own users (HighLevel UserCreate/UserUpdate/UserDelete): the people who write
-- messages (messages.author_external_id) and own opportunities (opportunities.owner_id), so the
-- inbox can show their names. Not sign-ins: those are "users".
CREATE TABLE "teammates" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "first_name" TEXT,
    "last_name" TEXT,
    "email" TEXT,
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "teammates_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "teammates_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "teammates_account_id_external_id_key" ON "teammates"("account_id", "external_id");

-- An owner's name for the account, shown instead of the provider's (LocationCreate/Update fill
-- accounts.name) when set: the provider's later renames never undo what the owner chose.
ALTER TABLE "accounts" ADD COLUMN "display_name" TEXT;
