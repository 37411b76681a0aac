import { accountWhere, type AccountScope } from "@/lib/access/scope";
import type { Db } from "@/lib/db/client";
import { isoOrNull } from "@/lib/db/dates";
import { fullName } from "@/lib/normalize/contact";

/** A customer of an account in scope; another account's answers null, like one that does not exist. */
export async function findCustomer(db: Db, scope: AccountScope, id: string) {
  const customer = await db.customer.findFirst({
    where: { id, ...accountWhere(scope) },
    include: { account: { select: { provider: true, externalId: true } } },
  });
  if (!customer) return null;
  return {
    id: customer.id,
    externalId: customer.externalId,
    provider: customer.account.provider,
    accountExternalId: customer.account.externalId,
    name: customer.name ?? fullName(customer.firstName, customer.lastName),
    firstName: customer.firstName,
    lastName: customer.lastName,
    phone: customer.phone,
    phoneE164: customer.phoneE164,
    email: customer.email,
    emailNormalized: customer.emailNormalized,
    tags: customer.tags,
    smsConsent: customer.smsConsent,
    sourceChannel: customer.sourceChannel,
    deleted: customer.deletedAt !== null,
    updatedAt: isoOrNull(customer.providerUpdatedAt ?? customer.updatedAt),
  };
}
export type CustomerDetail = NonNullable<Awaited<ReturnType<typeof findCustomer>>>;
