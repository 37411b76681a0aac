import { getPrisma } from "@/lib/db";

// Everything stored of one account, as one fingerprint per table: a row count and a hash of every
// row. Two equal fingerprints taken around a fuzz run prove nobody wrote to that account meanwhile,
// whichever table a route might have reached (found from the schema, not listed by hand).

export type AccountFingerprint = Record<string, { rows: number; hash: string }>;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function accountFingerprint(accountId: string): Promise<AccountFingerprint> {
  const prisma = await getPrisma();
  const columns = await prisma.$queryRaw<Array<{ table_name: string; column_name: string }>>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name IN ('account_id', 'conversation_id', 'label_id')`;
  const byTable = new Map<string, Set<string>>();
  for (const { table_name, column_name } of columns) {
    byTable.set(table_name, (byTable.get(table_name) ?? new Set()).add(column_name));
  }
  const fingerprint: AccountFingerprint = {};
  for (const [table, has] of [...byTable].sort(([a], [b]) => a.localeCompare(b))) {
    // The account's rows, and rows that hang off its conversations or labels without naming it.
    const conditions = [
      has.has("account_id") ? "t.account_id = $1" : null,
      has.has("conversation_id") ? "t.conversation_id IN (SELECT id FROM conversations WHERE account_id = $1)" : null,
      has.has("label_id") ? "t.label_id IN (SELECT id FROM labels WHERE account_id = $1)" : null,
    ].filter(Boolean);
    const [row] = await prisma.$queryRawUnsafe<Array<{ rows: number; hash: string }>>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash
       FROM ${quote(table)} t WHERE ${conditions.join(" OR ")}`,
      accountId,
    );
    fingerprint[table] = row ?? { rows: 0, hash: "" };
  }
  fingerprint.accounts = (
    await prisma.$queryRawUnsafe<Array<{ rows: number; hash: string }>>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|'), '')) AS hash FROM accounts t WHERE id = $1`,
      accountId,
    )
  )[0] ?? { rows: 0, hash: "" };
  return fingerprint;
}
