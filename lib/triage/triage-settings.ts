import { z } from "zod";
import { scopeIncludes, type AccountScope } from "@/lib/access/scope";
import type { Db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/http/errors";
import { CLOSING_MAX_LENGTH, DEFAULT_CLOSING_PHRASES } from "./closing";

// An account's triage settings (Settings, owners): its closing phrases (docs/triage-rules.md)
// and the callback SLA. They apply to messages and Voice AI reports that arrive afterwards.

export interface TriageSettings {
  /** One phrase a line, as Settings' "Closing phrases" field shows them (the default list when none were saved). */
  closingPhrases: string;
  /** Whether the account uses the default list. */
  defaultPhrases: boolean;
  callbackSlaMinutes: number;
}

export const triageSettingsSchema = z.object({
  /** One phrase a line; empty goes back to the default list. */
  closingPhrases: z
    .string()
    .max(8000)
    .refine((text) => text.split("\n").length <= 200, "at most 200 closing phrases")
    .refine(
      (text) => text.split("\n").every((line) => line.trim().length <= CLOSING_MAX_LENGTH),
      `a closing phrase is at most ${CLOSING_MAX_LENGTH} characters`,
    )
    .refine((text) => !/[?¿]/.test(text), "a closing phrase cannot be a question")
    .optional(),
  callbackSlaMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .optional(),
});
export type TriageSettingsChange = z.infer<typeof triageSettingsSchema>;

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
