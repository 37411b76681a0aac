import { readFileSync, writeFileSync, rmSync } from "node:fs";
import path from "node:path";

// PGlite is one process's database: a second process opening the same folder corrupts it.
// The owner writes its pid; anyone else refuses while that process lives.

function lockPath(folder: string): string {
  return path.join(folder, "threadline.pid");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid of a live process that holds the folder, if any other than this one. */
export function dataFolderOwner(folder: string): number | null {
  try {
    const pid = Number(readFileSync(lockPath(folder), "utf8").trim());
    return Number.isInteger(pid) && pid !== process.pid && isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

export function claimDataFolder(folder: string): void {
  const owner = dataFolderOwner(folder);
  if (owner !== null) {
    throw new Error(
      `The embedded database in ${folder} is open in process ${owner}. ` +
        "Stop that process first, or talk to it over HTTP.",
    );
  }
  writeFileSync(lockPath(folder), String(process.pid));
  process.once("exit", () => rmSync(lockPath(folder), { force: true }));
}
