import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canonicalProvider } from "@/lib/vocabulary";

/** An account named by our id or as provider:externalId (e.g. highlevel:ve9EPM428h8vShlRW1KT;
 * a provider's former id works too, see canonicalProvider). */
export async function resolveAccountId(prisma: PrismaClient, reference: string): Promise<string> {
  const [provider, externalId] = reference.includes(":") ? reference.split(/:(.*)/s) : [];
  const account =
    provider && externalId
      ? await prisma.account.findUnique({
          where: { provider_externalId: { provider: canonicalProvider(provider), externalId } },
        })
      : await prisma.account.findUnique({ where: { id: reference } });
  if (!account) throw new Error(`no account ${reference} (accounts appear with their first webhook)`);
  return account.id;
}
