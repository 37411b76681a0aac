import { parseArgs } from "node:util";
import { issueApiToken } from "@/lib/access/api-tokens";
import { closeDatabase, getPrisma } from "@/lib/db";
import { assertDatabaseFree } from "./cli-database";
import { resolveAccountId } from "./resolve-account";

// npm run token:create -- --account <id | provider:externalId> [--name "CRM sync"]
// Prints the token once; only its hash is stored. (Owners can also issue tokens from Settings.)
const { values } = parseArgs({ options: { account: { type: "string" }, name: { type: "string", default: "cli" } } });
if (!values.account) {
  console.error("token:create: --account <id | provider:externalId> is required");
  process.exit(2);
}
assertDatabaseFree("token:create");
try {
  const accountId = await resolveAccountId(await getPrisma(), values.account);
  const issued = await issueApiToken(accountId, values.name);
  console.log(`token for account ${accountId} (${issued.name}), shown once:\n${issued.token}`);
  console.log(`use: curl -H "Authorization: Bearer ${issued.token}" http://localhost:3000/api/conversations`);
} catch (error) {
  console.error(`token:create: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
