import { rmSync } from "node:fs";
import { closeDatabase, getPrisma } from "@/lib/db";
import { pgliteDataFolder } from "@/lib/db/connect";
import { assertDatabaseFree } from "./cli-database";

// Starts the demo over: the next start of the app refills an empty database.
assertDatabaseFree("demo:reset");
if (process.env.DATABASE_URL) {
  if (!process.argv.includes("--yes")) {
    console.error("demo:reset on PostgreSQL empties every Threadline table. Run again with -- --yes to confirm.");
    process.exit(2);
  }
  const prisma = await getPrisma();
  await prisma.$executeRawUnsafe(
    `TRUNCATE attachments, messages, opportunities, conversations, customers, accounts, webhook_events, users CASCADE`,
  );
  await closeDatabase();
  console.log("demo:reset: PostgreSQL tables emptied; start the app with THREADLINE_DEMO=on to refill them.");
} else {
  rmSync(pgliteDataFolder(), { recursive: true, force: true });
  console.log(`demo:reset: removed ${pgliteDataFolder()}; the next \`npm run dev\` or \`npm start\` refills it.`);
}
