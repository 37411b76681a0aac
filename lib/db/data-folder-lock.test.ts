import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { claimDataFolder, dataFolderOwner } from "./data-folder-lock";

// The embedded database belongs to one process; a second one (a CLI) must refuse, not open it.
describe("embedded database folder lock", () => {
  it("refuses a folder a live process holds, and takes one whose holder is gone", async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "threadline-lock-"));
    const holder = spawn("sleep", ["30"]);
    try {
      writeFileSync(path.join(folder, "threadline.pid"), String(holder.pid));
      expect(dataFolderOwner(folder)).toBe(holder.pid);
      expect(() => claimDataFolder(folder)).toThrow(/is open in process/);
    } finally {
      holder.kill();
      await new Promise((resolve) => holder.once("exit", resolve));
    }
    expect(dataFolderOwner(folder)).toBeNull();
    expect(() => claimDataFolder(folder)).not.toThrow();
  });
});
