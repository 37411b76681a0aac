// The read API's JSON, as the browser sees it (dates are strings). Kept beside the UI so that
// client bundles never import server modules.
import type { CallOutcome, Channel, Direction } from "@/lib/channels";

export interface ConversationSummary {
  id: string;
  externalId: string;
  provider: string;
  customer: { id: string; name: string | null; phone: string | null; email: string | null } | null;
  channels: Channel[];
  lastMessage: { channel: Channel; direction: Direction; preview: string | null; createdAt: string } | null;
  lastMessageAt: string | null;
  unreadCount: number;
}

export interface ConversationPage {
  conversations: ConversationSummary[];
  nextCursor: string | null;
}

export interface Attachment {
  id: string;
  url: string;
  kind: string;
  playable: boolean;
}

export interface Message {
  id: string;
  externalId: string;
  channel: Channel;
  direction: Direction;
  status: string | null;
  body: string | null;
  subject: string | null;
  createdAt: string;
  author: { name: string | null; externalId: string | null } | null;
  attachments: Attachment[];
  call: { durationSeconds: number | null; outcome: CallOutcome } | null;
  email: { from: string | null; to: string[]; cc: string[]; bcc: string[]; threadId: string | null } | null;
  html: { html: string; hasRemoteContent: boolean } | null;
}

export interface MessagePage {
  messages: Message[];
  nextCursor: string | null;
}

export interface Customer {
  id: string;
  externalId: string;
  provider: string;
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  phoneE164: string | null;
  email: string | null;
  tags: string[];
  smsConsent: string | null;
  sourceChannel: string | null;
  deleted: boolean;
}

export interface Opportunity {
  id: string;
  name: string | null;
  pipeline: string | null;
  stage: string | null;
  status: string | null;
  value: number | null;
  currency: string;
  score: number | null;
  owner: string | null;
}

export interface ConversationDetail {
  conversation: ConversationSummary;
  customer: Customer | null;
  opportunities: Opportunity[];
}
