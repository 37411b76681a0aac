import { getPrisma } from "@/lib/db";
import { ROLLUP_TABLES } from "@/lib/reports/rollups";

const TABLES = [
  "attachments",
  "messages",
  "opportunities",
  "conversations",
  "customers",
  "accounts",
  "webhook_events",
  "users",
  "sessions",
  "auth_accounts",
  "verifications",
  "memberships",
  "api_tokens",
  "invitations",
  "teammates",
  "mail_outbox",
  "jobs",
  "replies",
  // Not tied to an account: HighLevel's rate limit per location (lib/providers/highlevel/api/rate-limit.ts).
  "highlevel_rate_limits",
  // TRUNCATE fires no trigger: the reports' rollups are emptied with the messages.
  ...ROLLUP_TABLES,
];

/** Empties every table: each test starts from nothing, on PGlite and PostgreSQL alike. */
export async function resetDatabase(): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$executeRawUnsafe(`TRUNCATE ${TABLES.map((table) => `"${table}"`).join(", ")} CASCADE`);
}
