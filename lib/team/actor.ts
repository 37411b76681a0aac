import type { Viewer } from "@/lib/access/viewer";

// Who did something to a conversation, as its timeline names them. An API token has no person;
// writes by tokens are refused (lib/access/viewer.ts), so "API" only shows for system paths.

export interface Actor {
  userId: string | null;
  name: string;
}

export const actorOf = (viewer: Viewer): Actor =>
  viewer.kind === "user" ? { userId: viewer.userId, name: viewer.name || viewer.email } : { userId: null, name: "API" };

/** The job queue waking a conversation: nobody did it. */
export const SYSTEM_ACTOR: Actor = { userId: null, name: "Threadline" };
