import { webhookRoute } from "@/lib/ingest/webhook-route";
import { voxity } from "@/lib/providers/voxity";

// The same endpoint with the agent's secret in the path, for senders that cannot sign.
export const runtime = "nodejs";
export const POST = webhookRoute(voxity);
