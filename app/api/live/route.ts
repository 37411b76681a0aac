import { authedRoute } from "@/lib/access/authed-route";
import { scopeIncludes } from "@/lib/access/scope";
import { viewerRecheck } from "@/lib/access/viewer-recheck";
import { joinLiveStreams } from "@/lib/live/stream-hub";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Streams are recycled now and then: proxies and load balancers cut long-lived responses
// anyway, and every reconnect makes the page catch up.
const MAX_STREAM_MS = Number(process.env.LIVE_STREAM_MAX_SECONDS ?? 300) * 1000;
const GREETING = new TextEncoder().encode("retry: 1000\n: connected\n\n");

/**
 * Server-sent events: one "conversation" event per changed conversation. EventSource
 * reconnects by itself; the page refetches on every (re)connect, so nothing is missed.
 */
// Authorised at connect, and again (against the database, cached briefly) before each nudge and
// heartbeat: a revoked token, a signed-out session or a removed membership ends the stream or
// stops that account's nudges at once, not when the stream is next recycled. lib/live/stream-hub.ts
// serves every stream of the process together (one subscription, one heartbeat timer).
export const GET = authedRoute(async (request: Request, _context: unknown, { scope }) => {
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      const write = (bytes: Uint8Array) => {
        if (ended) return false;
        try {
          controller.enqueue(bytes);
          return true;
        } catch {
          end();
          return false;
        }
      };
      write(GREETING);
      const recheck = viewerRecheck(request);
      const leave = joinLiveStreams(
        {
          // The same token or session cookie gets the same answer from the database: one lookup.
          credential: `${request.headers.get("authorization") ?? ""}\n${request.headers.get("cookie") ?? ""}`,
          mayRead: (accountId) => scopeIncludes(scope, accountId),
          recheck: async () => {
            const now = await recheck();
            return now && ((accountId: string) => scopeIncludes(now, accountId));
          },
        },
        { write, end },
      );
      const recycle = setTimeout(end, MAX_STREAM_MS);
      cleanup = () => {
        clearTimeout(recycle);
        leave();
      };
      request.signal.addEventListener("abort", end);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
    },
  });
});
