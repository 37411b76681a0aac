import { scopeIncludes, type AccountScope } from "@/lib/access/scope";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/http/errors";
import { DEFAULT_CLOSING_PHRASES } from "./closing";
import type { TriageSettingsChange } from "./validations";

// An account's triage settings (Settings, owners): its closing phrases (docs/triage-rules.md)
// and the callback SLA. They apply to messages and Voice AI reports that arrive afterwards.

export interface TriageSettings {
  /** One phrase a line, as Settings' "Closing phrases" field shows them (the default list when none were saved). */
  closingPhrases: string;
  /** Whether the account uses the default list. */
  defaultPhrases: boolean;
  callbackSlaMinutes: number;
}

const DEFAULT_TEXT = DEFAULT_CLOSING_PHRASES.join("\n");

function view(row: { closingPhrases: string | null; callbackSlaMinutes: number }): TriageSettings {
  return {
    closingPhrases: row.closingPhrases ?? DEFAULT_TEXT,
    defaultPhrases: row.closingPhrases === null,
    callbackSlaMinutes: row.callbackSlaMinutes,
  };
}

const columns = { closingPhrases: true, callbackSlaMinutes: true } as const;

/** Outside the scope is the same as not there (404). */
function assertInScope(scope: AccountScope, accountId: string): void {
  if (!scopeIncludes(scope, accountId)) throw new NotFoundError("account");
}

export async function triageSettings(db: Db, scope: AccountScope, accountId: string): Promise<TriageSettings> {
  assertInScope(scope, accountId);
  return view(await db.account.findUniqueOrThrow({ where: { id: accountId }, select: columns }));
}

export async function changeTriageSettings(
  db: Db,
  scope: AccountScope,
  accountId: string,
  change: TriageSettingsChange,
): Promise<TriageSettings> {
  assertInScope(scope, accountId);
  const phrases = change.closingPhrases
    ?.split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");
  const row = await db.account.update({
    where: { id: accountId },
    data: {
      // The default list saved unchanged stays "the default" (it follows later releases' list).
      ...(phrases === undefined ? {} : { closingPhrases: phrases && phrases !== DEFAULT_TEXT ? phrases : null }),
      ...(change.callbackSlaMinutes === undefined ? {} : { callbackSlaMinutes: change.callbackSlaMinutes }),
    },
    select: columns,
  });
  return view(row);
}
