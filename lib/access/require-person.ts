import { HttpError } from "@/lib/http/errors";
import type { Viewer } from "@/lib/access/viewer";

/** Things only a person has (presence, saved views): an API token is refused with 403. */
export function requirePerson(viewer: Viewer, what: string): Extract<Viewer, { kind: "user" }> {
  if (viewer.kind !== "user") throw new HttpError(403, `${what} are people's, not API tokens'`);
  return viewer;
}
