// Whether this server runs the demo, read in one place (THREADLINE_DEMO):
//   off    nothing of the demo: no seeded data, and its recordings (/api/demo-media, and the media
//          and waveform routes for an attachment pointing there) answer 404;
//   on     the demo seeds an empty database (PostgreSQL too) and serves its recordings;
//   media  its recordings only, nothing seeded: for the browser suite, whose fixtures point at them;
//   unset  "on" for the embedded database (a first look at the app), "off" on PostgreSQL (real use).
// Here rather than in lib/demo: lib/media asks it too, and lib/demo already depends on lib/media.

function setting(): "on" | "off" | "media" {
  const value = process.env.THREADLINE_DEMO;
  if (value === "off" || value === "on" || value === "media") return value;
  return process.env.DATABASE_URL ? "off" : "on";
}

/** Whether the demo fills an empty database (lib/demo/auto-seed.ts). */
export function demoEnabled(): boolean {
  return setting() === "on";
}

/** Whether the demo's recordings are served (lib/media/demo-media.ts). */
export function demoMediaEnabled(): boolean {
  return setting() !== "off";
}

/**
 * The demo's HighLevel locations (lib/demo/generate.ts writes them). Only these, and only in demo
 * mode, may send through the demo's stand-in for HighLevel when they have no token: a real
 * location that posts to a demo server must never see a reply "sent" that went nowhere.
 */
export const DEMO_HIGHLEVEL_LOCATIONS = ["loc-demo-miami", "loc-demo-tampa"] as const;

export function isDemoHighLevelLocation(externalId: string): boolean {
  return (DEMO_HIGHLEVEL_LOCATIONS as readonly string[]).includes(externalId);
}
