import type { AccountScope, AccountScopeShape } from "@/lib/access/scope";

// The one place an AccountScope is made from its shape. Only lib/access imports this
// (.dependency-cruiser.cjs, rule scope-minted-in-access): everything else gets a scope from a
// viewer, a verified provider event, or — scripts and tests — script-scope.ts.

export function mintScope(shape: AccountScopeShape): AccountScope {
  return shape as AccountScope;
}
