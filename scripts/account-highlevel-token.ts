import { text } from "node:stream/consumers";
import { parseArgs } from "node:util";
import { clearHighLevelToken, setHighLevelToken } from "@/lib/access/credentials/highlevel-token";
import { highLevelTokenSchema } from "@/lib/access/validations";
import { closeDatabase, getPrisma } from "@/lib/db";
import { assertDatabaseFree } from "./cli-database";
import { resolveAccountId } from "./resolve-account";

// npm run account:highlevel-token -- --account <id | highlevel:locationId> < token.txt
// npm run account:highlevel-token -- --account <…> --clear
// The same as Settings' HighLevel API token form. The token comes on standard input, never as
// an argument (arguments end up in shell history and process lists). The worker fetches
// pipeline names with it on its next pass (within a minute).
const { values } = parseArgs({ options: { account: { type: "string" }, clear: { type: "boolean", default: false } } });
if (!values.account || (!values.clear && process.stdin.isTTY)) {
  console.error("account:highlevel-token: --account, and either --clear or the token on standard input");
  process.exit(2);
}
assertDatabaseFree("account:highlevel-token");
try {
  const accountId = await resolveAccountId(await getPrisma(), values.account);
  if (values.clear) {
    await clearHighLevelToken(accountId);
    console.log(`removed the HighLevel API token of ${accountId}`);
  } else {
    const parsed = highLevelTokenSchema.safeParse({ token: await text(process.stdin) });
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "not a token");
    await setHighLevelToken(accountId, parsed.data.token);
    console.log(`HighLevel API token stored (sealed) on ${accountId}`);
  }
} catch (error) {
  console.error(`account:highlevel-token: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
