import { clearHighLevelToken, highLevelTokenStatus, setHighLevelToken } from "@/lib/access/credentials/highlevel-token";
import { contractRoute } from "@/lib/contracts/contract-route";
import { clearHighLevelTokenRoute, highLevelTokenRoute, setHighLevelTokenRoute } from "@/lib/contracts/settings";
import { getPrisma } from "@/lib/db";
import { refreshPipelineNamesSoon } from "@/lib/ingest/pipeline-names/job";
import { enqueueTranscriptBackfill } from "@/lib/ingest/transcripts/enqueue";
import { wakeLocalJobWorker } from "@/lib/jobs/local-worker";
import { enqueueUsersFetch } from "@/lib/team/highlevel-sync/users-job";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Whether a token is set and how its last use went; never the token. */
export const GET = contractRoute(highLevelTokenRoute, async ({ params: { id } }) => {
  return highLevelTokenStatus(id);
});

/** Stores (replaces) the token, asks for pipeline names at once, and queues recent calls' transcripts. */
export const PUT = contractRoute(setHighLevelTokenRoute, async ({ params: { id }, body: { token } }) => {
  await setHighLevelToken(id, token);
  await enqueueTranscriptBackfill(id);
  // The location's users, to link Threadline's people to them (assignment sync).
  await enqueueUsersFetch(await getPrisma(), id);
  await refreshPipelineNamesSoon(await getPrisma());
  // The transcripts' fetch jobs were queued above.
  wakeLocalJobWorker();
  return highLevelTokenStatus(id);
});

export const DELETE = contractRoute(clearHighLevelTokenRoute, async ({ params: { id } }) => {
  await clearHighLevelToken(id);
  return highLevelTokenStatus(id);
});
