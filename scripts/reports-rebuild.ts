import { parseArgs } from "node:util";
import { closeDatabase, getPrisma } from "@/lib/db";
import { scriptScopeOfAccounts, scriptScopeOfEveryAccount } from "@/lib/access/script-scope";
import { rebuildReportRollups } from "@/lib/reports/rollups";
import { assertDatabaseFree } from "./cli-database";
import { resolveAccountId } from "./resolve-account";

// npm run reports:rebuild                      every account
// npm run reports:rebuild -- --account <id | provider:externalId>
// Recomputes the reports' rollups from the messages (after a restore, a bulk import with the
// triggers disabled, or a change to the rules). Safe to run at any time and more than once.
const { values } = parseArgs({ options: { account: { type: "string" } } });
assertDatabaseFree("reports:rebuild");
try {
  const db = await getPrisma();
  const accountId = values.account ? await resolveAccountId(db, values.account) : null;
  const started = Date.now();
  await rebuildReportRollups(db, accountId ? scriptScopeOfAccounts([accountId]) : scriptScopeOfEveryAccount());
  console.log(`rebuilt the report rollups of ${accountId ?? "every account"} in ${Date.now() - started} ms`);
} catch (error) {
  console.error(`reports:rebuild: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
