import { READ_ONLY_TOKEN, type Viewer } from "@/lib/access/viewer";
import { HttpError } from "@/lib/http/errors";

// Who sends or decides about a reply: a signed-in person, or an API token made with the send
// scope. The route wrapper already refused every other token (authedRoute's `write: "send"`);
// this says it again where the send happens, so no other caller can skip it.

export interface ReplyActor {
  userId: string | null;
  tokenId: string | null;
  /** The person's name (or email), or the token's name: as the audit and the thread show them. */
  name: string;
}

export function replyActor(viewer: Viewer): ReplyActor {
  if (viewer.kind === "user") return { userId: viewer.userId, tokenId: null, name: viewer.name || viewer.email };
  if (viewer.tokenScope !== "send") throw new HttpError(403, READ_ONLY_TOKEN);
  return { userId: null, tokenId: viewer.tokenId, name: viewer.name };
}
