import { Prisma } from "@/lib/generated/prisma/client";

// Which accounts a request may read. Every read query takes one: an administrator's covers
// everything, anyone else's lists their accounts (an API token's, exactly one).

export type AccountScope = { kind: "all" } | { kind: "accounts"; accountIds: readonly string[] };

export const ALL_ACCOUNTS: AccountScope = { kind: "all" };

export const accountsScope = (accountIds: readonly string[]): AccountScope => ({ kind: "accounts", accountIds });

/** A SQL condition on an account id column (e.g. Prisma.sql`c.account_id`). */
export function accountCondition(scope: AccountScope, column: Prisma.Sql): Prisma.Sql {
  if (scope.kind === "all") return Prisma.sql`TRUE`;
  return Prisma.sql`${column} = ANY(${[...scope.accountIds]}::text[])`;
}

/** The same condition for Prisma's query builder. */
export function accountWhere(scope: AccountScope): { accountId?: { in: string[] } } {
  return scope.kind === "all" ? {} : { accountId: { in: [...scope.accountIds] } };
}

export function scopeIncludes(scope: AccountScope, accountId: string): boolean {
  return scope.kind === "all" || scope.accountIds.includes(accountId);
}
