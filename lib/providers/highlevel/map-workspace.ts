import type { MappedEvent } from "@/lib/providers/contract";
import {
  conversationUnreadEventSchema,
  LOCATION_EVENT_TYPES,
  locationEventSchema,
  USER_EVENT_TYPES,
  userEventSchema,
} from "./schemas";

// Events about the HighLevel location itself rather than its customers: its name, the users
// who answer customers there (so messages and deals show a person's name, not an id), and what
// those users have read there.

export const WORKSPACE_EVENT_TYPES: readonly string[] = [
  ...USER_EVENT_TYPES,
  ...LOCATION_EVENT_TYPES,
  "ConversationUnreadUpdate",
];

export function mapWorkspaceEvent(payload: unknown): MappedEvent | null {
  const type = (payload as { type?: unknown }).type;
  if (type === "ConversationUnreadUpdate") {
    // Read or unread there, as seen by the location's users. A deleted conversation is not read.
    const event = conversationUnreadEventSchema.parse(payload);
    const unreadCount = event.unreadCount;
    if (event.deleted || unreadCount === null || unreadCount === undefined) return null;
    return {
      account: { provider: "highlevel", externalId: event.locationId },
      operations: [{ kind: "conversation.unread", conversationExternalId: event.id, unreadCount }],
    };
  }
  if ((LOCATION_EVENT_TYPES as readonly unknown[]).includes(type)) {
    const event = locationEventSchema.parse(payload);
    const name = event.name?.trim();
    return {
      account: { provider: "highlevel", externalId: event.id },
      operations: name ? [{ kind: "account.name", name }] : [],
    };
  }
  const event = userEventSchema.parse(payload);
  const account = { provider: "highlevel" as const, externalId: event.locationId };
  if (event.type === "UserDelete") return { account, operations: [{ kind: "teammate.delete", externalId: event.id }] };
  return {
    account,
    operations: [
      {
        kind: "teammate",
        teammate: { externalId: event.id, firstName: event.firstName, lastName: event.lastName, email: event.email },
      },
    ],
  };
}
