import {
  clearHighLevelToken,
  highLevelTokenSchema,
  highLevelTokenStatus,
  setHighLevelToken,
} from "@/lib/access/highlevel-token";
import { accountOwnerRoute } from "@/lib/access/account-owner-route";
import { getPrisma } from "@/lib/db";
import { readJson } from "@/lib/http/read-body";
import { refreshPipelineNamesSoon } from "@/lib/ingest/pipeline-names/job";
import { enqueueTranscriptBackfill } from "@/lib/ingest/transcripts/enqueue";
import { wakeLocalJobWorker } from "@/lib/jobs/local-worker";
import { enqueueUsersFetch } from "@/lib/team/highlevel-sync/users-job";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Whether a token is set and how its last use went; never the token. */
export const GET = accountOwnerRoute(async (_request: Request, { accountId: id }) => {
  return Response.json(await highLevelTokenStatus(id));
});

/** Stores (replaces) the token, asks for pipeline names at once, and queues recent calls' transcripts. */
export const PUT = accountOwnerRoute(async (request: Request, { accountId: id }) => {
  const { token } = await readJson(request, highLevelTokenSchema);
  await setHighLevelToken(id, token);
  await enqueueTranscriptBackfill(id);
  // The location's users, to link Threadline's people to them (assignment sync).
  await enqueueUsersFetch(await getPrisma(), id);
  await refreshPipelineNamesSoon(await getPrisma());
  // The transcripts' fetch jobs were queued above.
  wakeLocalJobWorker();
  return Response.json(await highLevelTokenStatus(id));
});

export const DELETE = accountOwnerRoute(async (_request: Request, { accountId: id }) => {
  await clearHighLevelToken(id);
  return Response.json(await highLevelTokenStatus(id));
});
