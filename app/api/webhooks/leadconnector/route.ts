import { webhookRoute } from "@/lib/ingest/webhook-route";
import { leadConnector } from "@/lib/providers/leadconnector";

export const runtime = "nodejs";
export const POST = webhookRoute(leadConnector);
