// Accounts are created once and never change id: remember them for the process's lifetime.
// A stale entry (the account was deleted, or the table emptied, under us) surfaces as a
// foreign-key error, or as a StaleAccountIdError from a write to the account row itself; the
// caller forgets the entry and applies the event again, which finds or recreates the account.
const accountIds = new Map<string, string>();

export function cachedAccountId(key: string): string | undefined {
  return accountIds.get(key);
}

export function rememberAccountId(key: string, id: string): void {
  accountIds.set(key, id);
}

export function forgetAccountIds(): void {
  accountIds.clear();
}

/** Forgets the one entry that points at `id`. */
export function forgetAccountId(id: string): void {
  for (const [key, cached] of accountIds) if (cached === id) accountIds.delete(key);
}

/** The account row a cached id names is gone. */
export class StaleAccountIdError extends Error {
  constructor(readonly accountId: string) {
    super(`account ${accountId} no longer exists`);
    this.name = "StaleAccountIdError";
  }
}
