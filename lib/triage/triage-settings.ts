import { getPrisma } from "@/lib/db";
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

export async function triageSettings(accountId: string): Promise<TriageSettings> {
  const prisma = await getPrisma();
  return view(await prisma.account.findUniqueOrThrow({ where: { id: accountId }, select: columns }));
}

export async function changeTriageSettings(accountId: string, change: TriageSettingsChange): Promise<TriageSettings> {
  const prisma = await getPrisma();
  const phrases = change.closingPhrases
    ?.split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");
  const row = await prisma.account.update({
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
