import { z } from "zod";
import { attachmentItemSchema, looseNumberSchema, timestampSchema } from "@/lib/providers/shared";

// HighLevel (LeadConnector) webhook payloads, from its Inbound/Outbound message, contact and
// opportunity docs. Loose objects: HighLevel adds fields, and we keep the raw payload anyway.

const id = z.string().min(1);
const text = z.string().nullish();
const addressList = z.union([z.string(), z.array(z.string())]).nullish();

export const MESSAGE_EVENT_TYPES = ["InboundMessage", "OutboundMessage"] as const;

export const messageEventSchema = z.looseObject({
  type: z.enum(MESSAGE_EVENT_TYPES),
  locationId: id,
  conversationId: id,
  contactId: text,
  messageId: text,
  emailMessageId: text,
  threadId: text,
  messageType: z.union([z.string(), z.number()]).nullish(),
  direction: text,
  body: text,
  contentType: text,
  status: text,
  callStatus: text,
  callDuration: looseNumberSchema,
  dateAdded: timestampSchema.nullish(),
  timestamp: timestampSchema.nullish(),
  attachments: z.array(attachmentItemSchema).nullish(),
  subject: text,
  from: text,
  to: addressList,
  cc: addressList,
  bcc: addressList,
  userId: text,
  userName: text,
  source: text,
});
export type MessageEvent = z.infer<typeof messageEventSchema>;

export const CONTACT_EVENT_TYPES = [
  "ContactCreate",
  "ContactUpdate",
  "ContactDelete",
  "ContactDndUpdate",
  "ContactTagUpdate",
] as const;

export const contactEventSchema = z.looseObject({
  type: z.enum(CONTACT_EVENT_TYPES),
  locationId: id,
  id,
  firstName: text,
  lastName: text,
  name: text,
  contactName: text,
  email: text,
  phone: text,
  tags: z.array(z.string()).nullish(),
  dnd: z.boolean().nullish(),
  source: text,
  dateAdded: timestampSchema.nullish(),
  dateUpdated: timestampSchema.nullish(),
  timestamp: timestampSchema.nullish(),
});
export type ContactEvent = z.infer<typeof contactEventSchema>;

export const OPPORTUNITY_EVENT_TYPES = [
  "OpportunityCreate",
  "OpportunityUpdate",
  "OpportunityStageUpdate",
  "OpportunityStatusUpdate",
  "OpportunityMonetaryValueUpdate",
  "OpportunityAssignedToUpdate",
  "OpportunityDelete",
] as const;

export const opportunityEventSchema = z.looseObject({
  type: z.enum(OPPORTUNITY_EVENT_TYPES),
  locationId: id,
  id,
  contactId: text,
  name: text,
  pipelineId: text,
  pipelineName: text,
  pipelineStageId: text,
  pipelineStageName: text,
  stageName: text,
  status: text,
  monetaryValue: looseNumberSchema,
  currency: text,
  assignedTo: text,
  assignedToName: text,
  dateAdded: timestampSchema.nullish(),
  dateUpdated: timestampSchema.nullish(),
  timestamp: timestampSchema.nullish(),
});
export type OpportunityEvent = z.infer<typeof opportunityEventSchema>;

/** Just enough to route and log any delivery, valid or not. */
export const envelopeSchema = z.looseObject({
  type: z.string().optional(),
  locationId: z.string().optional(),
  webhookId: z.string().optional(),
  messageId: z.string().nullish(),
  emailMessageId: z.string().nullish(),
  direction: z.string().nullish(),
});
