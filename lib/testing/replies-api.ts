import { POST as attachRoute } from "@/app/api/conversations/[id]/attachments/route";
import { POST as sendRoute } from "@/app/api/conversations/[id]/replies/route";
import { POST as dismissRoute } from "@/app/api/replies/[id]/dismiss/route";
import { POST as retryRoute } from "@/app/api/replies/[id]/retry/route";
import { drainJobs } from "@/lib/jobs/runner";
import { JOB_DEFINITIONS } from "@/lib/worker/job-definitions";
import type { Credentials } from "./read-api";
import { callRoute, type RouteHandler } from "./route-call";

// The reply routes' real handlers, and the job queue drained as the app's worker would.

const post = (handler: RouteHandler, url: string, id: string, headers: Credentials, body?: unknown) =>
  callRoute(handler, { method: "POST", url, id, headers, body });

export const sendReply = (conversationId: string, as: Credentials, body: unknown) =>
  post(sendRoute, `/api/conversations/${conversationId}/replies`, conversationId, as, body);
export const retryReply = (replyId: string, as: Credentials) =>
  post(retryRoute, `/api/replies/${replyId}/retry`, replyId, as);
export const dismissReply = (replyId: string, as: Credentials) =>
  post(dismissRoute, `/api/replies/${replyId}/dismiss`, replyId, as);

/** One file for a reply, posted as the composer posts it (multipart: `channel`, `file`). */
export async function attachFile(conversationId: string, as: Credentials, file: File, channel = "sms") {
  const form = new FormData();
  form.append("channel", channel);
  form.append("file", file);
  return callRoute(attachRoute, {
    method: "POST",
    url: `/api/conversations/${conversationId}/attachments`,
    id: conversationId,
    headers: as,
    form,
  });
}

/** Runs every queued job (sends included) to its end, as the in-process worker would. */
export const runJobs = () => drainJobs(JOB_DEFINITIONS);
