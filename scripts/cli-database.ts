import { dataFolderOwner } from "@/lib/db/data-folder-lock";
import { pgliteDataFolder } from "@/lib/db/connect";

/**
 * CLIs may open PostgreSQL freely, but the embedded database belongs to one process: when the
 * app has it open, refuse and say what to do instead.
 */
export function assertDatabaseFree(command: string): void {
  if (process.env.DATABASE_URL) return;
  const owner = dataFolderOwner(pgliteDataFolder());
  if (owner !== null) {
    console.error(
      `${command}: the embedded database is open in the running app (pid ${owner}). ` +
        "Stop the app (Ctrl-C) and run this again, or set DATABASE_URL to use PostgreSQL.",
    );
    process.exit(2);
  }
}
