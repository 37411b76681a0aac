import { POST as sendRoute } from "@/app/api/conversations/[id]/replies/route";
import { POST as dismissRoute } from "@/app/api/replies/[id]/dismiss/route";
import { POST as retryRoute } from "@/app/api/replies/[id]/retry/route";
import { drainJobs } from "@/lib/jobs/runner";
import { JOB_DEFINITIONS } from "@/lib/worker/job-definitions";
import type { Credentials } from "./read-api";

// The reply routes' real handlers, and the job queue drained as the app's worker would.

type Handler = (request: Request, context: never) => Promise<Response>;

async function post(handler: Handler, url: string, id: string, as: Credentials, body?: unknown) {
  // Same-origin, as the browser sends it (the CSRF check refuses cross-site writes).
  const headers: Record<string, string> = { origin: "http://localhost", ...as };
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await handler(
    new Request(`http://localhost${url}`, {
      method: "POST",
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve({ id }) } as never,
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export const sendReply = (conversationId: string, as: Credentials, body: unknown) =>
  post(sendRoute, `/api/conversations/${conversationId}/replies`, conversationId, as, body);
export const retryReply = (replyId: string, as: Credentials) =>
  post(retryRoute, `/api/replies/${replyId}/retry`, replyId, as);
export const dismissReply = (replyId: string, as: Credentials) =>
  post(dismissRoute, `/api/replies/${replyId}/dismiss`, replyId, as);

/** Runs every queued job (sends included) to its end, as the in-process worker would. */
export const runJobs = () => drainJobs(JOB_DEFINITIONS);
