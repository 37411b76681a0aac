import { GET as templatesRoute } from "@/app/api/conversations/[id]/whatsapp-templates/route";
import type { Credentials } from "./read-api";
import { callRoute } from "./route-call";

// The WhatsApp templates route's real handler: what the composer offers after 24 hours.

export const whatsAppTemplatesOf = (conversationId: string, as: Credentials) =>
  callRoute<{ templates?: Array<{ id: string; name: string; body: string }>; error?: string }>(templatesRoute, {
    method: "GET",
    url: `/api/conversations/${conversationId}/whatsapp-templates`,
    id: conversationId,
    headers: as,
  });
