import { afterAll } from "vitest";
import { closeDatabase } from "@/lib/db";

process.env.PGLITE_DATA_DIR ??= "memory://";
process.env.THREADLINE_QUIET_LOGS ??= "1";

afterAll(async () => {
  await closeDatabase();
});
