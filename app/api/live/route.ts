import { authedRoute } from "@/lib/access/authed-route";
import { scopeIncludes } from "@/lib/access/scope";
import { viewerRecheck } from "@/lib/access/viewer-recheck";
import { subscribeToConversationChanges } from "@/lib/live/bus";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;
const HEARTBEAT = new TextEncoder().encode(": heartbeat\n\n");
// Streams are recycled now and then: proxies and load balancers cut long-lived responses
// anyway, and every reconnect makes the page catch up.
const MAX_STREAM_MS = Number(process.env.LIVE_STREAM_MAX_SECONDS ?? 300) * 1000;

/**
 * Server-sent events: one "conversation" event per changed conversation. EventSource
 * reconnects by itself; the page refetches on every (re)connect, so nothing is missed.
 */
// Authorised at connect, and again (against the database, cached briefly) before each nudge and
// heartbeat: a revoked token, a signed-out session or a removed membership ends the stream or
// stops that account's nudges at once, not when the stream is next recycled.
export const GET = authedRoute(async (request: Request, _context: unknown, { scope }) => {
  const encoder = new TextEncoder();
  const currentScope = viewerRecheck(request);
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
      const send = (bytes: Uint8Array) => {
        try {
          controller.enqueue(bytes);
        } catch {
          end();
        }
      };
      // Sends in arrival order, each only if the viewer may still read that account.
      let queue = Promise.resolve();
      const sendIfStillAllowed = (bytes: Uint8Array, accountId?: string) => {
        queue = queue.then(async () => {
          const now = await currentScope();
          if (ended) return;
          if (!now) end();
          else if (accountId === undefined || scopeIncludes(now, accountId)) send(bytes);
        });
      };
      send(encoder.encode("retry: 1000\n: connected\n\n"));
      const unsubscribe = subscribeToConversationChanges(({ accountId, sse }) => {
        if (scopeIncludes(scope, accountId)) sendIfStillAllowed(sse, accountId);
      });
      const heartbeat = setInterval(() => sendIfStillAllowed(HEARTBEAT), HEARTBEAT_MS);
      const recycle = setTimeout(end, MAX_STREAM_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        clearTimeout(recycle);
        unsubscribe();
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
