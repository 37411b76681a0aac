import { parseArgs } from "node:util";
import { issueApiToken } from "@/lib/access/api-tokens/api-tokens";
import { closeDatabase, getPrisma } from "@/lib/db";
import { assertDatabaseFree } from "./cli-database";
import type { ApiTokenScope } from "@/lib/vocabulary";
import { resolveAccountId } from "./resolve-account";

// npm run token:create -- --account <id | provider:externalId> [--name "CRM sync"] [--send]
// Prints the token once; only its hash is stored. (Owners can also issue tokens from Settings.)
// --send: the token may also send replies in that account (every send is in the send audit).
const { values } = parseArgs({
  options: {
    account: { type: "string" },
    name: { type: "string", default: "cli" },
    send: { type: "boolean", default: false },
  },
});
if (!values.account) {
  console.error("token:create: --account <id | provider:externalId> is required");
  process.exit(2);
}
const scope: ApiTokenScope = values.send ? "send" : "read";
assertDatabaseFree("token:create");
try {
  const accountId = await resolveAccountId(await getPrisma(), values.account);
  const issued = await issueApiToken(accountId, values.name, scope);
  console.log(`${issued.scope} token for account ${accountId} (${issued.name}), shown once:\n${issued.token}`);
  console.log(`use: curl -H "Authorization: Bearer ${issued.token}" http://localhost:3000/api/conversations`);
} catch (error) {
  console.error(`token:create: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
