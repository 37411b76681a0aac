import type { Activity } from "@/components/inbox-data/api-types";

// The timeline's words for assignment synced with HighLevel (lib/team/highlevel-sync): HighLevel's
// own change, and how ours went when it did not simply work.

export type HighLevelSyncKind = Extract<
  Activity["kind"],
  | "highlevel_assigned"
  | "highlevel_synced"
  | "highlevel_sync_retrying"
  | "highlevel_sync_failed"
  | "highlevel_not_synced"
>;

export function highLevelSyncText(line: Activity & { kind: HighLevelSyncKind }): string {
  const { assigneeName, linked, applied, reason } = line.detail;
  switch (line.kind) {
    case "highlevel_assigned": {
      const what = assigneeName
        ? `HighLevel assigned this to ${assigneeName}${linked === false ? " (not linked to a Threadline member)" : ""}`
        : "HighLevel unassigned this";
      return applied === false ? `${what} · not applied: the assignment here is later` : what;
    }
    case "highlevel_synced":
      return "Synced to HighLevel";
    case "highlevel_sync_retrying":
      return `HighLevel sync waiting: ${reason ?? "HighLevel did not answer"} · retrying`;
    case "highlevel_sync_failed":
      return `HighLevel sync failed: ${reason ?? "HighLevel refused the change"}`;
    case "highlevel_not_synced":
      return `Not synced: ${assigneeName ?? "this person"} has no linked HighLevel user`;
  }
}
