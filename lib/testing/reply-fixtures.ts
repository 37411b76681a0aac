import { setHighLevelToken } from "@/lib/access/credentials/highlevel-token";
import { getPrisma } from "@/lib/db";
import { accountIdOf, createSignedInUser } from "./auth";
import { conversationByExternalId } from "./read-api";
import { postWebhook } from "./webhooks";

// A HighLevel conversation a person can reply in: the customer wrote (an SMS, or an email), the
// account has an API token, and the person is a member of it.

export const REPLY_LOCATION = "loc-reply";
export const REPLY_CONTACT = "contact-reply";
export const REPLY_TOKEN = "pit-reply-0123456789";

export function customerMessage(overrides: Record<string, unknown> = {}) {
  return {
    type: "InboundMessage",
    locationId: REPLY_LOCATION,
    contactId: REPLY_CONTACT,
    conversationId: "conv-reply",
    messageType: "SMS",
    direction: "inbound",
    body: "Can I move my appointment to Friday?",
    messageId: "in-1",
    dateAdded: new Date(Date.now() - 60_000).toISOString(),
    ...overrides,
  };
}

/** HighLevel's OutboundMessage webhook for a message it sent (the echo of a reply). */
export function echoOf(messageId: string, body: string, overrides: Record<string, unknown> = {}) {
  return customerMessage({
    type: "OutboundMessage",
    direction: "outbound",
    messageId,
    body,
    status: "sent",
    source: "api",
    dateAdded: new Date().toISOString(),
    ...overrides,
  });
}

export async function replyableConversation({ token = true, firstMessage = customerMessage() } = {}) {
  const posted = await postWebhook("highlevel", firstMessage);
  if (posted.status !== 200) throw new Error(`the customer's message was refused: ${posted.status}`);
  const accountId = await accountIdOf("highlevel", REPLY_LOCATION);
  if (token) await setHighLevelToken(accountId, REPLY_TOKEN);
  await (await getPrisma()).customer.updateMany({
    where: { accountId, externalId: REPLY_CONTACT },
    data: { email: "ana@example.com", name: "Ana Ruiz" },
  });
  const member = await createSignedInUser({ accounts: [{ accountId }] });
  const conversation = await conversationByExternalId(String(firstMessage.conversationId));
  return { accountId, conversationId: conversation.id, member };
}
