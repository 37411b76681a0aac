import { closeDatabase, getDatabase } from "@/lib/db";
import { assertDatabaseFree } from "./cli-database";

// Opening the database applies pending migrations (the app does the same at start-up).
assertDatabaseFree("db:migrate");
const database = await getDatabase();
console.log(`migrations applied (${database.kind})`);
await closeDatabase();
