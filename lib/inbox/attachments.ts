import { accountWhere, type AccountScope } from "@/lib/access/scope";
import type { Db } from "@/lib/db/client";

/** An attachment with its message's account, if that account is in scope. */
export async function findAttachmentInScope(db: Db, scope: AccountScope, id: string) {
  return db.attachment.findFirst({
    where: { id, message: accountWhere(scope) },
    select: { id: true, url: true, kind: true, playable: true, message: { select: { accountId: true } } },
  });
}
