import { z } from "zod";

// What a person sends about customers, browser-safe (the contracts in lib/contracts use it).

/** An owner's answer to "the same person?": linked shows the two as one; dismissed never asks again. */
export const samePersonDecisionSchema = z.object({
  otherCustomerId: z.string().trim().min(1).max(100),
  decision: z.enum(["linked", "dismissed"]),
});
export type SamePersonDecision = z.infer<typeof samePersonDecisionSchema>;
