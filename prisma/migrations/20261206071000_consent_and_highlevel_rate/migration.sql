-- Rules that protect the business (issue #27 item 5).
--
-- A customer's consent per channel (lib/replies/consent.ts): one row per customer, channel and
-- basis of a block — HighLevel's Do Not Disturb for that channel ('dnd'), its DND on every
-- channel ('dnd_all'), or a keyword the customer wrote (STOP, BAJA…: 'keyword'). Each basis is
-- set and lifted only by its own kind of event, at the provider's time of it (`since`): an older
-- event never overrides a newer one, and a DND switched off in HighLevel does not lift a STOP
-- the customer wrote. A channel is allowed when none of its rows is blocked.
CREATE TABLE "customer_consents" (
    "customer_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "basis" TEXT NOT NULL,
    "blocked" BOOLEAN NOT NULL,
    -- The keyword the customer wrote, or HighLevel's DND status ('active', 'permanent', 'inactive').
    "detail" TEXT,
    "since" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "customer_consents_pkey" PRIMARY KEY ("customer_id", "channel", "basis"),
    CONSTRAINT "customer_consents_channel_check"
      CHECK ("channel" IN ('sms', 'email', 'whatsapp', 'facebook', 'instagram', 'gmb', 'live_chat', 'call')),
    CONSTRAINT "customer_consents_basis_check" CHECK ("basis" IN ('dnd', 'dnd_all', 'keyword'))
);
ALTER TABLE "customer_consents" ADD CONSTRAINT "customer_consents_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "customer_consents" ADD CONSTRAINT "customer_consents_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- HighLevel's API allows 100 requests per 10 s per location: the times of the requests made in the
-- last window, one row per location, shared by every worker and app instance. A request is
-- allowed by one INSERT … ON CONFLICT DO UPDATE … WHERE (fewer than 100 in the window) RETURNING,
-- atomic under concurrency (lib/providers/leadconnector/api/rate-limit.ts).
CREATE TABLE "highlevel_rate_limits" (
    "location_id" TEXT NOT NULL,
    "stamps" TIMESTAMPTZ(3)[] NOT NULL DEFAULT '{}',
    CONSTRAINT "highlevel_rate_limits_pkey" PRIMARY KEY ("location_id")
);

-- A WhatsApp reply outside the 24-hour window goes out as one of the location's approved templates.
ALTER TABLE "replies" ADD COLUMN "template_id" TEXT;
