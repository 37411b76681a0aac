import { getPrisma } from "@/lib/db";
import { HttpError, NotFoundError } from "@/lib/http/errors";
import { openSecret, sealSecret } from "@/lib/access/credentials/sealed-secret";

// A HighLevel account's API token (a Private Integration Token or an OAuth access token of that
// location), which lets Threadline ask HighLevel for what webhooks leave out (pipeline and stage
// names). Sealed with the server secret; once stored it is never shown again, only whether one
// is set and how its last use went.

export interface HighLevelTokenStatus {
  set: boolean;
  setAt: string | null;
  /** When HighLevel last answered with this token. */
  succeededAt: string | null;
  attemptedAt: string | null;
  /** Why the last try failed; null once one succeeds. */
  lastError: string | null;
}

async function requireHighLevelAccount(accountId: string) {
  const prisma = await getPrisma();
  const account = await prisma.account.findUnique({ where: { id: accountId }, select: { provider: true } });
  if (!account) throw new NotFoundError("account");
  if (account.provider !== "highlevel") throw new HttpError(400, "only HighLevel accounts take a HighLevel API token");
}

/** Stores (or replaces) the token; the last outcome is cleared so the next refresh runs at once. */
export async function setHighLevelToken(accountId: string, token: string): Promise<void> {
  await requireHighLevelAccount(accountId);
  const prisma = await getPrisma();
  const fresh = {
    tokenSealed: sealSecret("highlevel api token", token),
    tokenSetAt: new Date(),
    attemptedAt: null,
    succeededAt: null,
    lastError: null,
  };
  await prisma.highLevelConnection.upsert({ where: { accountId }, create: { accountId, ...fresh }, update: fresh });
}

/** Forgets the token; names already fetched stay until a new token refreshes them. */
export async function clearHighLevelToken(accountId: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.highLevelConnection.deleteMany({ where: { accountId } });
}

export async function highLevelTokenStatus(accountId: string): Promise<HighLevelTokenStatus> {
  const prisma = await getPrisma();
  const row = await prisma.highLevelConnection.findUnique({ where: { accountId } });
  return {
    set: row !== null,
    setAt: row?.tokenSetAt.toISOString() ?? null,
    succeededAt: row?.succeededAt?.toISOString() ?? null,
    attemptedAt: row?.attemptedAt?.toISOString() ?? null,
    lastError: row?.lastError ?? null,
  };
}

/** The token in the clear, for the one request that sends it; null when none is set. */
export async function highLevelTokenOf(accountId: string): Promise<string | null> {
  const prisma = await getPrisma();
  const row = await prisma.highLevelConnection.findUnique({ where: { accountId }, select: { tokenSealed: true } });
  return row ? openSecret("highlevel api token", row.tokenSealed) : null;
}
