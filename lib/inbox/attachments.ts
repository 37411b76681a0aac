import { accountWhere, type AccountScope } from "@/lib/access/scope";
import { getPrisma } from "@/lib/db";

/** An attachment with its message's account, if that account is in scope. */
export async function findAttachmentInScope(id: string, scope: AccountScope) {
  const prisma = await getPrisma();
  return prisma.attachment.findFirst({
    where: { id, message: accountWhere(scope) },
    select: { id: true, url: true, kind: true, playable: true, message: { select: { accountId: true } } },
  });
}
