// Accounts are created once and never change id: remember them for the process's lifetime.
// A stale entry (the table was emptied under us) surfaces as a foreign-key error; the caller
// forgets the cache and retries.
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
