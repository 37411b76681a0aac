import { PUT as assignRoute } from "@/app/api/conversations/[id]/assignee/route";
import { POST as noteRoute } from "@/app/api/conversations/[id]/notes/route";
import { DELETE as leaveRoute, POST as presenceRoute } from "@/app/api/conversations/[id]/presence/route";
import { DELETE as unsnoozeRoute, PUT as snoozeRoute } from "@/app/api/conversations/[id]/snooze/route";
import type { Credentials } from "./read-api";
import { callRoute } from "./route-call";

// The team routes' real handlers (assign, snooze, notes, presence).

const path = (id: string, what: string) => `/api/conversations/${id}/${what}`;

export const assign = (id: string, assigneeId: string | null, as: Credentials) =>
  callRoute(assignRoute, { method: "PUT", url: path(id, "assignee"), id, headers: as, body: { assigneeId } });

export const snooze = (id: string, until: Date | string, as: Credentials) =>
  callRoute(snoozeRoute, {
    method: "PUT",
    url: path(id, "snooze"),
    id,
    headers: as,
    body: { until: until instanceof Date ? until.toISOString() : until },
  });

export const unsnooze = (id: string, as: Credentials) =>
  callRoute(unsnoozeRoute, { method: "DELETE", url: path(id, "snooze"), id, headers: as });

export const addNote = (id: string, body: unknown, as: Credentials) =>
  callRoute(noteRoute, { method: "POST", url: path(id, "notes"), id, headers: as, body });

export const presence = (id: string, typing: boolean, as: Credentials) =>
  callRoute(presenceRoute, { method: "POST", url: path(id, "presence"), id, headers: as, body: { typing } });

export const leavePresence = (id: string, as: Credentials) =>
  callRoute(leaveRoute, { method: "DELETE", url: path(id, "presence"), id, headers: as });
