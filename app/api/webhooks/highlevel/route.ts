import { webhookRoute } from "@/lib/ingest/webhook-route";
import { highLevel } from "@/lib/providers/highlevel";

export const runtime = "nodejs";
export const POST = webhookRoute(highLevel);
