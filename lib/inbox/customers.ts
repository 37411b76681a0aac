import { getPrisma } from "@/lib/db";
import { isoOrNull } from "@/lib/db/dates";
import { fullName } from "@/lib/normalize/contact";

export async function findCustomer(id: string) {
  const prisma = await getPrisma();
  const customer = await prisma.customer.findUnique({
    where: { id },
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
