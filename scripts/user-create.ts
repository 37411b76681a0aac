import { parseArgs } from "node:util";
import { closeDatabase, getPrisma } from "@/lib/db";
import { grantMembership } from "@/lib/access/people/memberships";
import { countUsers, createUserWithPassword, generatePassword } from "@/lib/access/people/users";
import { assertDatabaseFree } from "./cli-database";
import { resolveAccountId } from "./resolve-account";

// npm run user:create -- --email you@example.com [--name "You"] [--password …] [--admin]
//                        [--account <id | provider:externalId>] [--role owner|member]
// The first user is an administrator (owner of every account); later ones get --account.
const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    password: { type: "string" },
    admin: { type: "boolean", default: false },
    account: { type: "string", multiple: true, default: [] },
    role: { type: "string", default: "owner" },
  },
});
if (!values.email) {
  console.error("user:create: --email is required");
  process.exit(2);
}
if (values.role !== "owner" && values.role !== "member") {
  console.error("user:create: --role is owner or member");
  process.exit(2);
}
assertDatabaseFree("user:create");
try {
  const first = (await countUsers()) === 0;
  const isAdmin = values.admin || first;
  const password = values.password ?? generatePassword();
  const user = await createUserWithPassword({
    email: values.email,
    name: values.name ?? values.email.split("@")[0]!,
    password,
    isAdmin,
  });
  for (const account of values.account)
    await grantMembership(user.id, await resolveAccountId(await getPrisma(), account), values.role);
  console.log(`created ${user.email}${isAdmin ? " (administrator: every account)" : ""}`);
  if (!values.password) console.log(`password: ${password}   (shown once)`);
} catch (error) {
  console.error(`user:create: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
