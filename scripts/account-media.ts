import { parseArgs } from "node:util";
import { closeDatabase, getPrisma } from "@/lib/db";
import { setMediaCredentials } from "@/lib/media/account-credentials";
import { assertDatabaseFree } from "./cli-database";
import { resolveAccountId } from "./resolve-account";

// npm run account:media -- --account <id | provider:externalId> --host api.twilio.com --username AC… --password …
// npm run account:media -- --account <…> --clear
// Credentials the account's recording host wants; the media route sends them to that host only.
const { values } = parseArgs({
  options: {
    account: { type: "string" },
    host: { type: "string" },
    username: { type: "string" },
    password: { type: "string" },
    clear: { type: "boolean", default: false },
  },
});
if (!values.account || (!values.clear && !(values.host && values.username && values.password))) {
  console.error("account:media: --account and either --clear or --host, --username and --password");
  process.exit(2);
}
assertDatabaseFree("account:media");
try {
  const accountId = await resolveAccountId(await getPrisma(), values.account);
  await setMediaCredentials(
    accountId,
    values.clear ? null : { host: values.host!, username: values.username!, password: values.password! },
  );
  console.log(
    values.clear
      ? `cleared media credentials of ${accountId}`
      : `media credentials for ${values.host} set on ${accountId}`,
  );
} catch (error) {
  console.error(`account:media: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
