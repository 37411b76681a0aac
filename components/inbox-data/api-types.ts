// Names for the things the read API's answers hold. The answers themselves are the routes'
// contracts' (lib/contracts/conversations.ts); the things in them are the server modules' own
// types, imported type-only (erased at build, so no server code reaches the client bundle).
import type { ConversationCounts } from "@/lib/inbox/conversation-counts";
import type { ConversationSummary } from "@/lib/inbox/conversation-rows";
import type { CustomerRecords } from "@/lib/inbox/customer-records";
import type { MessageView } from "@/lib/inbox/messages";
import type { OpportunitySummary } from "@/lib/inbox/opportunities";
import type { CustomerConsent } from "@/lib/replies/consent";
import type { ReplyOptions } from "@/lib/replies/options";
import type { ReplyView } from "@/lib/replies/view";
import type { ConversationTeam } from "@/lib/team/conversation-team";

export type { ConversationDetail, ConversationPage, Customer, MessagePage } from "@/lib/contracts/conversations";

export type { ConversationCounts, ConversationSummary };
export type Message = MessageView;
export type Attachment = MessageView["attachments"][number];
export type { CustomerConsent };
export type Opportunity = OpportunitySummary;
export type { ConversationTeam, CustomerRecords, ReplyOptions, ReplyView };
export type Member = ConversationTeam["members"][number];
export type Note = ConversationTeam["notes"][number];
export type Activity = ConversationTeam["activity"][number];
export type Label = ConversationTeam["labels"][number];
