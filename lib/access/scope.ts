import { Prisma } from "@/lib/generated/prisma/client";

// Which accounts a request may read and change. Every query in lib/inbox, lib/triage and
// lib/reports takes one (with the database it runs on: `(db, scope, params)`), so a query that
// forgets the account does not compile. An administrator's covers everything, anyone else's lists
// their accounts (an API token's, exactly one).
//
// The type is branded: an object literal of the same shape is not an AccountScope. Only
// lib/access makes one — from a signed-in viewer or an API token (viewer.ts), from the account a
// verified provider event belongs to (ingest-scope.ts), or for scripts and tests
// (script-scope.ts) — and .dependency-cruiser.cjs says who may import which.

declare const accountScopeBrand: unique symbol;

export type AccountScopeShape = { kind: "all" } | { kind: "accounts"; accountIds: readonly string[] };

export type AccountScope = AccountScopeShape & { readonly [accountScopeBrand]: true };

/**
 * A SQL condition on an account id column (e.g. Prisma.sql`c.account_id`). One account is an
 * equality: `= ANY(array)` on an index's leading column cannot return the index's order, so a list
 * ordered newest-first walked the index of every account's conversations and dropped the others'
 * (327 read for 54 kept at 1M, 8 accounts); `= $1` walks that account's own index range in order.
 */
export function accountCondition(scope: AccountScope, column: Prisma.Sql): Prisma.Sql {
  if (scope.kind === "all") return Prisma.sql`TRUE`;
  if (scope.accountIds.length === 1) return Prisma.sql`${column} = ${scope.accountIds[0]}`;
  return Prisma.sql`${column} = ANY(${[...scope.accountIds]}::text[])`;
}

/** The same condition for Prisma's query builder. */
export function accountWhere(scope: AccountScope): { accountId?: { in: string[] } } {
  return scope.kind === "all" ? {} : { accountId: { in: [...scope.accountIds] } };
}

export function scopeIncludes(scope: AccountScope, accountId: string): boolean {
  return scope.kind === "all" || scope.accountIds.includes(accountId);
}
