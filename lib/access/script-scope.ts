import { mintScope } from "@/lib/access/scope-mint";
import type { AccountScope } from "@/lib/access/scope";

// Scopes for code no person or token drives: scripts (benchmarks, rebuilds), tests and the demo's
// seeding. Routes may not import this (.dependency-cruiser.cjs, rule script-scope-outside-requests):
// a request's scope comes from its viewer.

/** Every account, as an operator's script sees them. */
export const scriptScopeOfEveryAccount = (): AccountScope => mintScope({ kind: "all" });

/** Just these accounts, as a member of them would see them. */
export const scriptScopeOfAccounts = (accountIds: readonly string[]): AccountScope =>
  mintScope({ kind: "accounts", accountIds });
