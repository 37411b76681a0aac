// Sign-in attempts per account name (email), beside Better Auth's per-address limit: an attacker
// with many addresses still gets THREADLINE_SIGN_IN_LIMIT_PER_MINUTE guesses a minute at one
// account. An attempt counts when it starts (so a burst of parallel guesses cannot all slip
// through) and is given back when it succeeds (so people who sign in often are never limited).
// In memory and per process, like Better Auth's counters; bounded: past MAX_NAMES the oldest
// name is forgotten.

const WINDOW_MS = 60_000;
const MAX_NAMES = 10_000;

interface Window {
  count: number;
  resetAt: number;
}

const globalForLimit = globalThis as unknown as { threadlineSignInNames?: Map<string, Window> };
const windows = () => {
  globalForLimit.threadlineSignInNames ??= new Map();
  return globalForLimit.threadlineSignInNames;
};

export const accountNameKey = (email: string) => email.trim().toLowerCase();

/** Counts an attempt at `email`; false (and not counted) when its minute's attempts are used up. */
export function takeSignInAttempt(email: string, limit: number, now = Date.now()): boolean {
  const map = windows();
  const key = accountNameKey(email);
  let window = map.get(key);
  if (!window || window.resetAt <= now) {
    map.delete(key);
    if (map.size >= MAX_NAMES) map.delete(map.keys().next().value as string);
    window = { count: 0, resetAt: now + WINDOW_MS };
    map.set(key, window);
  }
  if (window.count >= limit) return false;
  window.count++;
  return true;
}

/** Gives back the attempt of a successful sign-in. */
export function returnSignInAttempt(email: string): void {
  const window = windows().get(accountNameKey(email));
  if (window && window.count > 0) window.count--;
}

/** Seconds until `email` may try again (for Retry-After). */
export function secondsUntilRetry(email: string, now = Date.now()): number {
  const window = windows().get(accountNameKey(email));
  return window ? Math.max(1, Math.ceil((window.resetAt - now) / 1000)) : 1;
}
