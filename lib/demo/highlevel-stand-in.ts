import { randomUUID } from "node:crypto";
import { getPrisma } from "@/lib/db";
import { DEMO_HIGHLEVEL_LOCATIONS } from "@/lib/demo-mode";
import { acknowledgeDelivery } from "@/lib/ingest/acknowledge";
import { logger } from "@/lib/logger";
import { PROVIDER_ADAPTERS } from "@/lib/providers";
import type { HighLevelFetch } from "@/lib/replies/transport";
import { answerDemoUpload } from "./highlevel-stand-in-uploads";
import { DEMO_OPTED_OUT_CONTACT } from "./reply-scenarios";

// The demo's stand-in for HighLevel's "Send a new message" (POST /conversations/messages, and its
// file upload: ./highlevel-stand-in-uploads.ts), in process: only loaded in demo mode, for demo locations without a token (lib/replies/transport.ts).
// It answers as HighLevel does (the new message's id, or a 4xx with HighLevel's words) and, a
// second later, delivers the OutboundMessage echo HighLevel would post, through the same
// ingestion a webhook delivery takes after its signature is checked (the demo fills itself
// in-process for the same reason: only HighLevel holds the key the webhook endpoint trusts). The
// reply and its echo share the message id, so the echo lands on the reply's own row.

/** HighLevel's words when a contact has opted out of SMS (its DND). */
export const OPTED_OUT_OF_SMS = "The contact has opted out of SMS";
const ECHO_DELAY_MS = 1_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface DemoHighLevelOptions {
  /** Runs the echo's delivery after `ms` (tests run it when they choose). */
  schedule?: (deliver: () => Promise<void>, ms: number) => void;
}

const laterByTimer = (deliver: () => Promise<void>, ms: number) => {
  setTimeout(() => {
    deliver().catch((error: unknown) =>
      logger.error("demo: the stand-in's echo was not stored", { error: (error as Error).message }),
    );
  }, ms).unref();
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

type SendBody = Record<string, unknown> & { type?: string; contactId?: string; message?: string };

/** The demo contact the body names, with its newest conversation, in a demo location only. */
async function demoContact(contactId: string) {
  const prisma = await getPrisma();
  return prisma.customer.findFirst({
    where: {
      externalId: contactId,
      deletedAt: null,
      account: { provider: "highlevel", externalId: { in: [...DEMO_HIGHLEVEL_LOCATIONS] } },
    },
    select: {
      smsConsent: true,
      account: { select: { externalId: true } },
      conversations: { orderBy: { lastMessageAt: "desc" }, take: 1, select: { externalId: true } },
    },
  });
}

/** The OutboundMessage webhook HighLevel posts for a message it sent. */
function echoPayload(body: SendBody, messageId: string, locationId: string, conversationId: string) {
  const common = {
    type: "OutboundMessage",
    locationId,
    contactId: body.contactId,
    conversationId,
    messageId,
    direction: "outbound",
    status: "sent",
    source: "api",
    attachments: Array.isArray(body.attachments) ? body.attachments : [],
    dateAdded: new Date().toISOString(),
  };
  if (body.type !== "Email")
    return {
      ...common,
      messageType: body.type === "Live_Chat" ? "Live Chat" : body.type,
      body: body.message,
      contentType: "text/plain",
    };
  return {
    ...common,
    messageType: "Email",
    body: body.html,
    contentType: "text/html",
    subject: body.subject,
    emailMessageId: messageId,
    threadId: body.threadId ?? messageId,
    from: "Sunset Dental <front@sunsetdental.example>",
    to: [body.emailTo],
    cc: body.emailCc ?? [],
    bcc: body.emailBcc ?? [],
  };
}

async function deliverEcho(payload: Record<string, unknown>): Promise<void> {
  const raw = Buffer.from(JSON.stringify(payload));
  await acknowledgeDelivery(PROVIDER_ADAPTERS.highlevel, raw, payload, null);
}

export function createDemoHighLevel(options: DemoHighLevelOptions = {}): HighLevelFetch {
  const schedule = options.schedule ?? laterByTimer;
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (init?.method === "POST" && url.pathname.endsWith("/conversations/messages/upload"))
      return answerDemoUpload(init.body);
    if (init?.method !== "POST" || !url.pathname.endsWith("/conversations/messages"))
      return json(404, { statusCode: 404, message: "Not found" });
    const body = JSON.parse(String(init.body ?? "{}")) as SendBody;
    const contact = body.contactId ? await demoContact(body.contactId) : null;
    const conversation = contact?.conversations[0];
    if (!contact || !conversation) return json(400, { statusCode: 400, message: "Contact not found" });
    const optedOut = body.contactId === DEMO_OPTED_OUT_CONTACT || contact.smsConsent === "optedOut";
    if (body.type === "SMS" && optedOut) return json(400, { statusCode: 400, message: OPTED_OUT_OF_SMS });
    const messageId = `demo-msg-${randomUUID()}`;
    const echo = echoPayload(body, messageId, contact.account.externalId, conversation.externalId);
    // Send later: HighLevel sends (and posts the echo) at the time asked for.
    const at = typeof body.scheduledTimestamp === "number" ? body.scheduledTimestamp * 1000 : 0;
    const delay = Math.max(ECHO_DELAY_MS, at - Date.now() + ECHO_DELAY_MS);
    // A timer holds at most ~24.8 days (a longer one fires at once): a later echo is not posted.
    if (delay <= MAX_TIMER_MS) schedule(() => deliverEcho(echo), delay);
    const emailId = body.type === "Email" ? { emailMessageId: messageId } : {};
    return json(200, {
      conversationId: conversation.externalId,
      messageId,
      ...emailId,
      msg: "Message queued successfully.",
    });
  };
}
