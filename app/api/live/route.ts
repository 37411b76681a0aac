import { authedRoute } from "@/lib/access/authed-route";
import { scopeIncludes } from "@/lib/access/scope";
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
// Checked once at connect: a stream is recycled every few minutes, which re-checks it.
export const GET = authedRoute(async (request: Request, _context: unknown, { scope }) => {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (bytes: Uint8Array) => {
        try {
          controller.enqueue(bytes);
        } catch {
          cleanup();
        }
      };
      send(encoder.encode("retry: 1000\n: connected\n\n"));
      const unsubscribe = subscribeToConversationChanges(({ accountId, sse }) => {
        if (scopeIncludes(scope, accountId)) send(sse);
      });
      const heartbeat = setInterval(() => send(HEARTBEAT), HEARTBEAT_MS);
      const recycle = setTimeout(() => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      }, MAX_STREAM_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        clearTimeout(recycle);
        unsubscribe();
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
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
