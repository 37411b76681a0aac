import { isAccountOwner } from "@/lib/access/people/memberships";
import { scopeIncludes } from "@/lib/access/scope";
import type { Viewer } from "@/lib/access/viewer";
import { getPrisma } from "@/lib/db";
import { HttpError, NotFoundError } from "@/lib/http/errors";
import type { SamePersonDecision } from "./validations";

// An owner's answer to "the same person?" (lib/customers/same-person.ts): "linked" shows the two
// customers as one (both conversations in one list), "dismissed" never suggests them again.
// Neither touches the customer rows: a link is one row in customer_links, and undone by deleting it.

/** A pair is stored once, lower id first, whichever side it is decided from. */
export function linkKey(a: string, b: string) {
  return a < b ? { customerId: a, otherCustomerId: b } : { customerId: b, otherCustomerId: a };
}

const select = { id: true, accountId: true, phoneE164: true, emailNormalized: true, deletedAt: true } as const;

/**
 * Only a person who owns both customers' accounts decides (an administrator owns every account),
 * and only for two customers who share a phone or an email: never a link between strangers.
 */
export async function decideSamePerson(viewer: Viewer, customerId: string, input: SamePersonDecision) {
  if (viewer.kind !== "user") throw new HttpError(403, "API tokens can read; only a signed-in owner can do this");
  if (customerId === input.otherCustomerId)
    throw new HttpError(400, "a customer is always the same person as themselves");
  const prisma = await getPrisma();
  const customers = await prisma.customer.findMany({
    where: { id: { in: [customerId, input.otherCustomerId] }, deletedAt: null },
    select,
  });
  const one = customers.find((customer) => customer.id === customerId);
  const other = customers.find((customer) => customer.id === input.otherCustomerId);
  if (!one || !scopeIncludes(viewer.scope, one.accountId)) throw new NotFoundError("customer");
  if (!other || !scopeIncludes(viewer.scope, other.accountId)) throw new NotFoundError("other customer");
  const shares =
    (one.phoneE164 !== null && one.phoneE164 === other.phoneE164) ||
    (one.emailNormalized !== null && one.emailNormalized === other.emailNormalized);
  if (!shares) throw new HttpError(409, "these customers share no phone or email");
  for (const accountId of new Set([one.accountId, other.accountId]))
    if (!(await isAccountOwner(viewer, accountId)))
      throw new HttpError(403, "only an owner of both customers' accounts can do this");
  const key = linkKey(customerId, input.otherCustomerId);
  await prisma.customerLink.upsert({
    where: { customerId_otherCustomerId: key },
    create: { ...key, decision: input.decision, decidedById: viewer.userId },
    update: { decision: input.decision, decidedById: viewer.userId, decidedAt: new Date() },
  });
  return { decision: input.decision };
}

/** Whether the viewer may answer suggestions beside this customer: an owner of its account. */
export async function mayDecideSamePerson(viewer: Viewer, accountId: string): Promise<boolean> {
  return viewer.kind === "user" && (await isAccountOwner(viewer, accountId));
}
