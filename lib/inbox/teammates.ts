import { accountWhere, type AccountScope } from "@/lib/access/scope";
import type { Db } from "@/lib/db/client";

// Names of the provider's users (from HighLevel UserCreate/UserUpdate), for the ids messages
// and opportunities carry. Every lookup is within the account the id came from: the same
// user id in two locations may be two people.

export interface TeammateRef {
  accountId: string;
  externalId: string;
}

const key = (ref: TeammateRef) => `${ref.accountId}\u0000${ref.externalId}`;

function displayName(teammate: { firstName: string | null; lastName: string | null; email: string | null }) {
  const name = [teammate.firstName, teammate.lastName].filter(Boolean).join(" ").trim();
  return name || teammate.email || null;
}

/** Looks up the people behind these ids; `nameOf` answers null for one we have no name for. */
export async function teammateNames(
  db: Db,
  scope: AccountScope,
  refs: TeammateRef[],
): Promise<{ nameOf: (ref: TeammateRef) => string | null }> {
  const wanted = refs.filter((ref) => ref.externalId);
  const names = new Map<string, string | null>();
  if (wanted.length > 0) {
    const rows = await db.teammate.findMany({
      where: {
        AND: [accountWhere(scope)],
        accountId: { in: [...new Set(wanted.map((ref) => ref.accountId))] },
        externalId: { in: [...new Set(wanted.map((ref) => ref.externalId))] },
      },
      select: { accountId: true, externalId: true, firstName: true, lastName: true, email: true },
    });
    for (const row of rows) names.set(key(row), displayName(row));
  }
  return { nameOf: (ref) => names.get(key(ref)) ?? null };
}
