import type { SamePerson } from "@/lib/customers/same-person";
import { type SamePersonDecision, samePersonDecisionSchema } from "@/lib/customers/validations";
import { idParams } from "./conversations";
import { defineRoute, responds } from "./define-route";

// A customer's "Also in: …" (the same person reaching us from another account or provider).

/** The customer's other rows that look like the same person, and whether the viewer may decide. */
export const samePersonRoute = defineRoute({
  method: "GET",
  path: "/api/customers/:id/same-person",
  params: idParams,
  notFound: "customer",
  role: "member",
  response: responds<{ matches: SamePerson[]; canDecide: boolean }>(),
});

/** An owner of both accounts links the two as one person, or dismisses the suggestion for good. */
export const decideSamePersonRoute = defineRoute({
  method: "POST",
  path: "/api/customers/:id/same-person",
  params: idParams,
  notFound: "customer",
  body: samePersonDecisionSchema,
  role: "member",
  response: responds<{ decision: SamePersonDecision["decision"] }>(),
});
