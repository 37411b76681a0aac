import { webhookRoute } from "@/lib/ingest/webhook-route";
import { voxity } from "@/lib/providers/voxity";

export const runtime = "nodejs";
export const POST = webhookRoute(voxity);
