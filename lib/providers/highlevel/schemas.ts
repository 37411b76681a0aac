import { z } from "zod";
import { attachmentItemSchema, countSchema, moneySchema, timestampSchema } from "@/lib/providers/shared";

// HighLevel (LeadConnector) webhook payloads, from its Inbound/Outbound message, contact and
// opportunity docs. Loose objects: HighLevel adds fields, and we keep the raw payload anyway.

const id = z.string().min(1);
const text = z.string().nullish();
const addressList = z.union([z.string(), z.array(z.string())]).nullish();

/** When HighLevel says a CRM record was made and changed, and when the event was sent: on every record event. */
const recordTimes = {
  dateAdded: timestampSchema.nullish(),
  dateUpdated: timestampSchema.nullish(),
  timestamp: timestampSchema.nullish(),
};

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
  callDuration: countSchema,
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
  /** Per channel (SMS, Email, WhatsApp, FB, GMB, Call): status "active" | "permanent" | "inactive". */
  dndSettings: z.record(z.string(), z.looseObject({ status: text, message: text, code: text }).nullish()).nullish(),
  source: text,
  /**
   * The HighLevel user the contact is assigned to; null or "" is nobody, absent says nothing. One
   * that is not a string says nothing either: it never fails the contact's other fields.
   */
  assignedTo: text.catch(undefined),
  ...recordTimes,
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
  monetaryValue: moneySchema,
  currency: text,
  assignedTo: text,
  assignedToName: text,
  ...recordTimes,
});
export type OpportunityEvent = z.infer<typeof opportunityEventSchema>;

export const USER_EVENT_TYPES = ["UserCreate", "UserUpdate", "UserDelete"] as const;

export const userEventSchema = z.looseObject({
  type: z.enum(USER_EVENT_TYPES),
  locationId: id,
  id,
  firstName: text,
  lastName: text,
  email: text,
});
export type UserEvent = z.infer<typeof userEventSchema>;

/** HighLevel's ConversationUnreadUpdate: a conversation's unread state changed there (`id` is the conversation). */
export const conversationUnreadEventSchema = z.looseObject({
  type: z.literal("ConversationUnreadUpdate"),
  locationId: id,
  id,
  contactId: text,
  unreadCount: countSchema,
  starred: z.boolean().nullish(),
  deleted: z.boolean().nullish(),
});

export const LOCATION_EVENT_TYPES = ["LocationCreate", "LocationUpdate"] as const;

/**
 * A location's own events name it by `id`; HighLevel sends no `locationId`. One that carries a
 * different `locationId` is logged under that location (lib/providers/highlevel/index.ts)
 * but would change the other: refused, as a webhook may only change the account it is addressed to.
 */
export const locationEventSchema = z
  .looseObject({
    type: z.enum(LOCATION_EVENT_TYPES),
    id,
    locationId: z.string().nullish(),
    name: text,
  })
  .superRefine((event, context) => {
    if (event.locationId === null || event.locationId === undefined || event.locationId === event.id) return;
    context.addIssue({
      code: "custom",
      path: ["id"],
      message:
        `the location's id ${JSON.stringify(event.id)} is not the locationId ${JSON.stringify(event.locationId)} ` +
        "the event is addressed to: a webhook may only change the account it is addressed to",
    });
  });

/** Just enough to route and log any delivery, valid or not. */
export const envelopeSchema = z.looseObject({
  type: z.string().optional(),
  id: z.string().optional(),
  locationId: z.string().optional(),
  webhookId: z.string().optional(),
  messageId: z.string().nullish(),
  emailMessageId: z.string().nullish(),
  direction: z.string().nullish(),
  status: z.string().nullish(),
});

/** HighLevel's VoiceAiCallEnd: an AI voice agent's call ended; `messageId` names the call message. */
export const voiceAiCallEndSchema = z.looseObject({
  type: z.literal("VoiceAiCallEnd"),
  id,
  locationId: id,
  agentId: text,
  contactId: text,
  messageId: text,
  fromNumber: text,
  createdAt: timestampSchema.nullish(),
  duration: countSchema,
  summary: text,
  transcript: text,
  translation: z.looseObject({ transcript: text, language: text }).nullish(),
  extractedData: z.record(z.string(), z.unknown()).nullish(),
  trialCall: z.boolean().nullish(),
  timestamp: timestampSchema.nullish(),
});
export type VoiceAiCallEnd = z.infer<typeof voiceAiCallEndSchema>;

export const NOTE_EVENT_TYPES = ["NoteCreate", "NoteUpdate", "NoteDelete"] as const;
export const TASK_EVENT_TYPES = ["TaskCreate", "TaskComplete", "TaskDelete"] as const;
export const APPOINTMENT_EVENT_TYPES = ["AppointmentCreate", "AppointmentUpdate", "AppointmentDelete"] as const;

// Notes and tasks carry no update time in HighLevel's docs: a signed delivery's `timestamp`
// (or a `dateUpdated` if one comes) is their version.
export const noteEventSchema = z.looseObject({
  type: z.enum(NOTE_EVENT_TYPES),
  locationId: id,
  id,
  body: text,
  contactId: text,
  userId: text,
  ...recordTimes,
});
export type NoteEvent = z.infer<typeof noteEventSchema>;

export const taskEventSchema = z.looseObject({
  type: z.enum(TASK_EVENT_TYPES),
  locationId: id,
  id,
  title: text,
  body: text,
  contactId: text,
  assignedTo: text,
  dueDate: timestampSchema.nullish(),
  completed: z.boolean().nullish(),
  ...recordTimes,
});
export type TaskEvent = z.infer<typeof taskEventSchema>;

export const appointmentEventSchema = z.looseObject({
  type: z.enum(APPOINTMENT_EVENT_TYPES),
  locationId: id,
  appointment: z.looseObject({
    id,
    title: text,
    address: text,
    calendarId: text,
    contactId: text,
    appointmentStatus: text,
    assignedUserId: text,
    notes: text,
    startTime: timestampSchema.nullish(),
    endTime: timestampSchema.nullish(),
    dateAdded: timestampSchema.nullish(),
    dateUpdated: timestampSchema.nullish(),
  }),
  timestamp: timestampSchema.nullish(),
});
export type AppointmentEvent = z.infer<typeof appointmentEventSchema>;
