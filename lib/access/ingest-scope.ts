import { mintScope } from "@/lib/access/scope-mint";
import type { AccountScope } from "@/lib/access/scope";

// Ingestion writes for the account a provider event was verified to belong to (its signature
// checked, its location resolved to our account row): the only scope a webhook has. Only lib/ingest
// and lib/messages (which stores what ingestion parsed) may import this (.dependency-cruiser.cjs).

export function verifiedAccountScope(account: { id: string }): AccountScope {
  return mintScope({ kind: "accounts", accountIds: [account.id] });
}
