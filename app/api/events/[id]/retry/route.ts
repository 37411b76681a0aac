import { contractRoute } from "@/lib/contracts/contract-route";
import { retryEventRoute } from "@/lib/contracts/events";
import { requireEventLogReader } from "@/lib/ingest/event-log-access";
import { requeueEvent } from "@/lib/ingest/event-log-queries";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** "Process again": a failed event back to the queue with fresh attempts; 409 if it is not failed or waiting. */
export const POST = contractRoute(retryEventRoute, async ({ params: { id } }, viewer) => {
  const reach = await requireEventLogReader(viewer);
  return { event: await requeueEvent(reach, id) };
});
