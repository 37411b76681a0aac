import type { RootDb } from "@/lib/db/client";
import type { AccountScope } from "@/lib/access/scope";
import type { Prisma } from "@/lib/generated/prisma/client";

// The people who can be assigned a conversation or mentioned in its notes: the account's
// members, and administrators (who read every account without a membership row).

export interface Member {
  id: string;
  name: string;
  email: string;
}

export async function listAccountMembers(db: RootDb, accountId: string): Promise<Member[]> {
  const users = await db.user.findMany({
    where: { OR: [{ memberships: { some: { accountId } } }, { isAdmin: true }] },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: "asc" }, { email: "asc" }],
  });
  return users.map((user) => ({ id: user.id, name: user.name || user.email, email: user.email }));
}

/**
 * Those of `userIds` who are members of the account (by id); the rest are not. Read in the
 * action's transaction: on the embedded database a second connection would wait for it.
 */
export async function membersAmong(
  tx: Prisma.TransactionClient,
  accountId: string,
  userIds: readonly string[],
): Promise<Map<string, Member>> {
  if (userIds.length === 0) return new Map();
  const users = await tx.user.findMany({
    where: {
      id: { in: [...new Set(userIds)] },
      OR: [{ memberships: { some: { accountId } } }, { isAdmin: true }],
    },
    select: { id: true, name: true, email: true },
  });
  return new Map(users.map((user) => [user.id, { id: user.id, name: user.name || user.email, email: user.email }]));
}

/** Someone who may be given conversations of some of the viewer's accounts ("all": an administrator). */
export interface MemberInScope extends Member {
  accountIds: string[] | "all";
}

/** Everyone who is a member of an account in the scope, with which ones (bulk Assign offers those who fit every selected account). */
export async function listMembersInScope(db: RootDb, scope: AccountScope): Promise<MemberInScope[]> {
  const inScope = scope.kind === "all" ? {} : { accountId: { in: [...scope.accountIds] } };
  const users = await db.user.findMany({
    where: { OR: [{ memberships: { some: inScope } }, { isAdmin: true }] },
    select: {
      id: true,
      name: true,
      email: true,
      isAdmin: true,
      memberships: { where: inScope, select: { accountId: true } },
    },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    take: 500,
  });
  return users.map((user) => ({
    id: user.id,
    name: user.name || user.email,
    email: user.email,
    accountIds: user.isAdmin ? "all" : user.memberships.map((membership) => membership.accountId),
  }));
}
