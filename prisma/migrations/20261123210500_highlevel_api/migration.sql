-- An account's HighLevel API token (Private Integration Token or OAuth access token), sealed with
-- the server secret (lib/access/sealed-secret.ts), and how its last use went: the owner sees the
-- last success and the last error in Settings. One row per HighLevel account that has a token.
CREATE TABLE "highlevel_connections" (
    "account_id" TEXT NOT NULL,
    "token_sealed" TEXT NOT NULL,
    "token_set_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempted_at" TIMESTAMPTZ(3),
    "succeeded_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    CONSTRAINT "highlevel_connections_pkey" PRIMARY KEY ("account_id"),
    CONSTRAINT "highlevel_connections_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Pipeline and stage names from HighLevel's API (GET /opportunities/pipelines), a cache replaced
-- whole on each successful refresh: opportunity webhooks carry only the ids.
CREATE TABLE "highlevel_pipelines" (
    "account_id" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "highlevel_pipelines_pkey" PRIMARY KEY ("account_id", "external_id"),
    CONSTRAINT "highlevel_pipelines_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "highlevel_stages" (
    "account_id" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "pipeline_external_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER,
    CONSTRAINT "highlevel_stages_pkey" PRIMARY KEY ("account_id", "external_id"),
    CONSTRAINT "highlevel_stages_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
