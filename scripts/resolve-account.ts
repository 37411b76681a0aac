import type { PrismaClient } from "@/lib/generated/prisma/client";

/** An account named by our id or as provider:externalId (e.g. highlevel:ve9EPM428h8vShlRW1KT). */
export async function resolveAccountId(prisma: PrismaClient, reference: string): Promise<string> {
  const [provider, externalId] = reference.includes(":") ? reference.split(/:(.*)/s) : [];
  const account =
    provider && externalId
      ? await prisma.account.findUnique({ where: { provider_externalId: { provider, externalId } } })
      : await prisma.account.findUnique({ where: { id: reference } });
  if (!account) throw new Error(`no account ${reference} (accounts appear with their first webhook)`);
  return account.id;
}
