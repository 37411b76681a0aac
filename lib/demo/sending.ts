import { demoEnabled } from "@/lib/demo-mode";
import { registerDemoHighLevel } from "@/lib/replies/transport";
import type { DemoHighLevelOptions } from "./highlevel-stand-in";

// Replying in the demo: with THREADLINE_DEMO=on, the demo's stand-in for HighLevel becomes the
// transport of demo locations that have no token (lib/replies/transport.ts). With the demo off
// nothing is registered and the stand-in's module is never loaded: no route and no code path
// reaches it. Called where the demo starts (auto-seed.ts) and by a separate worker process.

/** Returns whether the stand-in was registered. */
export function enableDemoSending(options: DemoHighLevelOptions = {}): boolean {
  if (!demoEnabled()) return false;
  registerDemoHighLevel(() => import("./highlevel-stand-in").then((standIn) => standIn.createDemoHighLevel(options)));
  return true;
}
