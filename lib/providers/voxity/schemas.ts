import { z } from "zod";
import { attachmentItemSchema, integerSchema, moneySchema, timestampSchema } from "@/lib/providers/shared";

// Voxity's webhook events, from its sms.message.added documentation. Opportunity events are
// not documented with an example; they are taken to carry the opportunity as data.object,
// shaped like expanded.opportunities[] (the same resource).

const id = z.string().min(1);
const text = z.string().nullish();

export const opportunitySchema = z.looseObject({
  id,
  customerId: text,
  name: text,
  pipelineId: text,
  pipelineName: text,
  stageId: text,
  stageName: text,
  status: text,
  score: integerSchema,
  amount: moneySchema,
  currency: text,
  ownerId: text,
  ownerName: text,
  removed: z.boolean().nullish(),
  updatedAt: timestampSchema.nullish(),
  createdAt: timestampSchema.nullish(),
});
export type VoxityOpportunity = z.infer<typeof opportunitySchema>;

export const customerSchema = z.looseObject({
  id,
  firstName: text,
  lastName: text,
  name: text,
  phoneNumber: text,
  email: text,
  channel: text,
  tags: z.array(z.string()).nullish(),
  updatedAt: timestampSchema.nullish(),
});
export type VoxityCustomer = z.infer<typeof customerSchema>;

const historyEntrySchema = z.looseObject({
  id,
  createdAt: timestampSchema,
  role: text,
  body: text,
  media: z.array(attachmentItemSchema).nullish(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const smsMessageSchema = z.looseObject({
  id,
  from: text,
  to: text,
  direction: z.enum(["inbound", "outbound"]),
  conversationId: id,
  customerId: text,
  body: text,
  status: text,
  media: z.array(attachmentItemSchema).nullish(),
  createdAt: timestampSchema,
  createdBy: z.looseObject({ displayName: text, uid: text, role: text }).nullish(),
  metadata: z
    .looseObject({
      customerPhoneNumber: z
        .looseObject({
          phoneNumber: text,
          capabilities: z
            .looseObject({
              sms: z.looseObject({ consent: z.looseObject({ status: text }).nullish() }).nullish(),
            })
            .nullish(),
        })
        .nullish(),
      conversation: z.array(historyEntrySchema).nullish(),
    })
    .nullish(),
  expanded: z
    .looseObject({
      customer: customerSchema.nullish(),
      opportunities: z.array(opportunitySchema).nullish(),
    })
    .nullish(),
});
export type SmsMessage = z.infer<typeof smsMessageSchema>;

export const OPPORTUNITY_EVENT_TYPES = [
  "opportunity.created",
  "opportunity.updated",
  "opportunity.removed",
  "opportunity.won",
  "opportunity.lost",
  "opportunity.stuck",
] as const;

export const smsMessageAddedSchema = z.looseObject({
  id,
  type: z.literal("sms.message.added"),
  agentId: id,
  createdAt: timestampSchema.nullish(),
  data: z.looseObject({ object: smsMessageSchema }),
});

export const opportunityEventSchema = z.looseObject({
  id,
  type: z.enum(OPPORTUNITY_EVENT_TYPES),
  agentId: id,
  createdAt: timestampSchema.nullish(),
  data: z.looseObject({ object: opportunitySchema }),
});

export const envelopeSchema = z.looseObject({
  id: z.string().optional(),
  type: z.string().optional(),
  agentId: z.string().optional(),
});
