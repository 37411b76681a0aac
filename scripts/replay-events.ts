import { closeDatabase } from "@/lib/db";
import { replayFailedEvents } from "@/lib/ingest/replay";
import { assertDatabaseFree } from "./cli-database";

// Processes again every webhook event that failed or never finished (after a fix, or an outage).
assertDatabaseFree("events:replay");
const summary = await replayFailedEvents();
console.log(`replayed ${summary.attempted} event(s):`, summary.outcomes);
await closeDatabase();
