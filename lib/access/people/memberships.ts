import { accountDisplayName } from "@/lib/access/people/account-names";
import type { AccountScope } from "@/lib/access/scope";
import { accountWhere } from "@/lib/access/scope";
import { getPrisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// Users' access to accounts. "owner" may invite people and issue API tokens for the account;
// "member" reads it. Administrators own every account without a row here.

export type { MembershipRole } from "@/lib/vocabulary";
import { membershipRoleSchema, type MembershipRole } from "@/lib/vocabulary";

export async function grantMembership(
  userId: string,
  accountId: string,
  role: MembershipRole,
  db?: Pick<Prisma.TransactionClient, "membership">,
): Promise<void> {
  const prisma = db ?? (await getPrisma());
  await prisma.membership.upsert({
    where: { userId_accountId: { userId, accountId } },
    create: { userId, accountId, role },
    // Never demote by granting: an owner invited again as member stays owner.
    update: role === "owner" ? { role } : {},
  });
}

export async function isAccountOwner(
  viewer: { userId: string; isAdmin: boolean },
  accountId: string,
): Promise<boolean> {
  if (viewer.isAdmin) return true;
  const prisma = await getPrisma();
  const membership = await prisma.membership.findUnique({
    where: { userId_accountId: { userId: viewer.userId, accountId } },
  });
  return membership?.role === "owner";
}

/** The accounts a scope covers, with the viewer's role in each (for the settings page). */
export async function listAccountsInScope(scope: AccountScope, userId: string | null) {
  const prisma = await getPrisma();
  const accounts = await prisma.account.findMany({
    where: scope.kind === "all" ? {} : { id: accountWhere(scope).accountId },
    select: {
      id: true,
      provider: true,
      externalId: true,
      name: true,
      displayName: true,
      memberships: { where: { userId: userId ?? "" }, select: { role: true } },
    },
    orderBy: [{ provider: "asc" }, { externalId: "asc" }],
  });
  return accounts.map(({ memberships, displayName, ...account }) => ({
    ...account,
    providerName: account.name,
    /** The owner's own name for it, or null: what Settings' name field edits. */
    ownName: displayName,
    name: accountDisplayName({ ...account, displayName }),
    role: scope.kind === "all" ? ("owner" as const) : membershipRoleSchema.parse(memberships[0]?.role ?? "member"),
  }));
}
