-- Two customer rows an owner has judged (issue #26, 8): "linked" (the same person, shown as one
-- customer) or "dismissed" (not the same; never suggested again). Rows are never merged. A pair
-- is stored once, lower id first, so either side finds it by the same key.
CREATE TABLE "customer_links" (
    "customer_id" TEXT NOT NULL,
    "other_customer_id" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_links_pkey" PRIMARY KEY ("customer_id","other_customer_id"),
    CONSTRAINT "customer_links_ordered" CHECK ("customer_id" < "other_customer_id"),
    CONSTRAINT "customer_links_decision" CHECK ("decision" IN ('linked', 'dismissed'))
);

CREATE INDEX "customer_links_other_customer_id_idx" ON "customer_links"("other_customer_id");

ALTER TABLE "customer_links" ADD CONSTRAINT "customer_links_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "customer_links" ADD CONSTRAINT "customer_links_other_customer_id_fkey" FOREIGN KEY ("other_customer_id") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "customer_links" ADD CONSTRAINT "customer_links_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
