// The read API's JSON as the browser sees it. The shapes are the server modules' own types,
// imported type-only (erased at build, so no server code reaches the client bundle).
import type { ConversationCounts } from "@/lib/inbox/conversation-counts";
import type { ConversationSummary } from "@/lib/inbox/conversations";
import type { CustomerDetail } from "@/lib/inbox/customers";
import type { CustomerRecords } from "@/lib/inbox/customer-records";
import type { MessageView } from "@/lib/inbox/messages";
import type { OpportunitySummary } from "@/lib/inbox/opportunities";
import type { CustomerConsent } from "@/lib/replies/consent";
import type { ReplyOptions } from "@/lib/replies/options";
import type { ReplyView } from "@/lib/replies/view";
import type { ConversationTeam } from "@/lib/team/conversation-team";

export type { ConversationCounts, ConversationSummary };
export type Message = MessageView;
export type Attachment = MessageView["attachments"][number];
/** With whether the business may write to them on each channel, and why not. */
export type Customer = CustomerDetail & { consent: CustomerConsent };
export type { CustomerConsent };
export type Opportunity = OpportunitySummary;
export type { ConversationTeam, CustomerRecords, ReplyOptions, ReplyView };
export type Member = ConversationTeam["members"][number];
export type Note = ConversationTeam["notes"][number];
export type Activity = ConversationTeam["activity"][number];
export type Label = ConversationTeam["labels"][number];

export interface ConversationPage {
  conversations: ConversationSummary[];
  nextCursor: string | null;
}

export interface MessagePage {
  messages: Message[];
  nextCursor: string | null;
}

export interface ConversationDetail {
  conversation: ConversationSummary;
  customer: Customer | null;
  opportunities: Opportunity[];
  records: CustomerRecords;
  reply: ReplyOptions;
  team: ConversationTeam;
}
