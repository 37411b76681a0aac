import type { AccountScope } from "@/lib/access/scope";
import { requireViewer } from "@/lib/access/viewer";

// A long-lived request (the live stream) was authorised when it began; its token may be revoked,
// its session ended or a membership removed since. This asks the database again — on every
// instance, so a sign-out on one instance ends streams held by another — and remembers the
// answer briefly, so a burst of nudges costs one lookup per stream, not one per nudge.

export const RECHECK_CACHE_MS = 1_500;

/**
 * The viewer's accounts now, or null once the request's token or session no longer signs anyone
 * in. A lookup that fails is null too: the stream ends, and the browser's reconnect is asked afresh.
 */
export function viewerRecheck(request: Request, cacheMs = RECHECK_CACHE_MS): () => Promise<AccountScope | null> {
  let cached: { at: number; scope: Promise<AccountScope | null> } | null = null;
  return () => {
    const now = Date.now();
    if (!cached || now - cached.at >= cacheMs)
      cached = {
        at: now,
        scope: requireViewer(request).then(
          (viewer) => viewer.scope,
          () => null,
        ),
      };
    return cached.scope;
  };
}
