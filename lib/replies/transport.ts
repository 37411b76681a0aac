import type { RootDb } from "@/lib/db/client";
import { highLevelTokenOf, highLevelTokenStatus } from "@/lib/access/credentials/highlevel-token";
import { demoEnabled, isDemoHighLevelLocation } from "@/lib/demo-mode";
import {
  type SendAnswer,
  type SendMessageRequest,
  sendHighLevelMessage,
} from "@/lib/providers/highlevel/api/send-message";
import {
  type UploadAnswer,
  type UploadAttachmentRequest,
  uploadHighLevelAttachment,
} from "@/lib/providers/highlevel/api/upload-attachment";

// What carries a reply to HighLevel. An account with a stored token always sends to
// HIGHLEVEL_API_URL, demo mode or not. Only in demo mode ("on"), a demo location without a token
// sends through the demo's in-process stand-in for HighLevel, so a newcomer can reply with no
// HighLevel account. Otherwise there is no transport and the reply says a token is needed.
//
// The stand-in lives in lib/demo and is never imported from here: lib/demo stores through
// lib/ingest, which reaches this folder, so the demo registers a loader when it starts
// (lib/demo/sending.ts, only when the demo is on) and the loader imports the stand-in on first use.

/** What the stand-in is: a fetch that answers POST /conversations/messages (and …/upload) as HighLevel would. */
export type HighLevelFetch = typeof fetch;

export interface ReplyTransport {
  kind: "highlevel" | "demo";
  send: (request: SendMessageRequest) => Promise<SendAnswer>;
  /** A file for a reply's `attachments` (HighLevel's upload endpoint). */
  upload: (request: UploadAttachmentRequest) => Promise<UploadAnswer>;
}

type Loader = () => Promise<HighLevelFetch>;

// On globalThis: Next bundles the instrumentation hook (which registers) and the routes apart.
const registry = globalThis as unknown as { threadlineDemoHighLevel?: Loader };

/** The demo's stand-in, registered by the demo at start (null forgets it). */
export function registerDemoHighLevel(loader: Loader | null): void {
  if (loader) registry.threadlineDemoHighLevel = loader;
  else delete registry.threadlineDemoHighLevel;
}

async function locationOf(db: RootDb, accountId: string): Promise<string | null> {
  const account = await db.account.findUnique({
    where: { id: accountId },
    select: { provider: true, externalId: true },
  });
  return account?.provider === "highlevel" ? account.externalId : null;
}

/** The demo's stand-in for this account, when demo mode is on and it is a demo location; else null. */
async function demoLoaderFor(db: RootDb, accountId: string): Promise<Loader | null> {
  const loader = registry.threadlineDemoHighLevel;
  if (!loader || !demoEnabled()) return null;
  const location = await locationOf(db, accountId);
  return location && isDemoHighLevelLocation(location) ? loader : null;
}

/** Whether a reply from this account can be handed to anything (a token, or the demo's stand-in). */
export async function canSendFrom(db: RootDb, accountId: string): Promise<boolean> {
  if ((await highLevelTokenStatus(accountId)).set) return true;
  return (await demoLoaderFor(db, accountId)) !== null;
}

/** The transport for one send, or null when the account has none (TOKEN_NEEDED). */
export async function replyTransportFor(db: RootDb, accountId: string): Promise<ReplyTransport | null> {
  const token = await highLevelTokenOf(accountId);
  if (token)
    return {
      kind: "highlevel",
      send: (request) => sendHighLevelMessage(token, request),
      upload: (request) => uploadHighLevelAttachment(token, request),
    };
  const loader = await demoLoaderFor(db, accountId);
  if (!loader) return null;
  const standIn = await loader();
  return {
    kind: "demo",
    send: (request) => sendHighLevelMessage("demo", request, standIn),
    upload: (request) => uploadHighLevelAttachment("demo", request, standIn),
  };
}
