import { afterAll } from "vitest";
import { closeDatabase } from "@/lib/db";
import { installTestSigningKeys } from "./signing";

process.env.PGLITE_DATA_DIR ??= "memory://";
process.env.THREADLINE_QUIET_LOGS ??= "1";
installTestSigningKeys();

afterAll(async () => {
  await closeDatabase();
});
