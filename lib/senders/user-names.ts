import { randomUUID } from "node:crypto";
import { z } from "zod";
import { highLevelTokenOf } from "@/lib/access/credentials/highlevel-token";
import { getPrisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { backoffMs, defineJob, type JobResult } from "@/lib/jobs/definition";
import { enqueueJob } from "@/lib/jobs/queue";
import { publishConversationChanges } from "@/lib/live/bus";
import { HighLevelApiError } from "@/lib/providers/highlevel/api/client";
import { fetchHighLevelUser } from "@/lib/providers/highlevel/api/users";
import { THREADLINE_AUTHOR_PREFIX } from "./sender";

// Naming the HighLevel user behind an OutboundMessage's `userId` when no UserCreate/UserUpdate
// webhook (nor the location's users list) has: once per user and account, with the account's
// stored token, HighLevel's users API (GET /users/{userId}), cached in the teammates table every
// other name comes from. Accounts without a token ask nothing. A webhook's name, when one comes,
// wins; a user HighLevel does not know stays unnamed (kept as deleted: never offered as a person).

export const HIGHLEVEL_USER_NAME_JOB = "highlevel-user-name";

type Tx = Prisma.TransactionClient;

/**
 * Ingestion stored an outbound message: when it names no one but carries a user id the account
 * has never seen, a placeholder teammate marks the id as asked for and one job asks HighLevel.
 */
export async function requestHighLevelUserName(
  tx: Tx,
  accountId: string,
  facts: { direction: string; authorExternalId: string | null; authorName: string | null },
): Promise<void> {
  const userId = facts.authorExternalId;
  if (facts.direction !== "outbound" || !userId || facts.authorName || userId.startsWith(THREADLINE_AUTHOR_PREFIX))
    return;
  const inserted = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO teammates (id, account_id, external_id, updated_at)
    SELECT ${randomUUID()}, ${accountId}, ${userId}, now()
    WHERE EXISTS (SELECT 1 FROM highlevel_connections WHERE account_id = ${accountId})
    ON CONFLICT (account_id, external_id) DO NOTHING
    RETURNING id`;
  if (inserted.length > 0)
    await enqueueJob(tx, { kind: HIGHLEVEL_USER_NAME_JOB, accountId, payload: { accountId, userId } });
}

function refusal(error: HighLevelApiError): string | null {
  if (error.status === 401) return "HighLevel refused the token (401): it is wrong, revoked or expired";
  if (error.status === 403) return "the HighLevel token may not read users (403): it needs the users.readonly scope";
  return null;
}

/** The conversations whose threads show this user's messages: they refetch and show the name. */
async function announce(accountId: string, userId: string): Promise<void> {
  const prisma = await getPrisma();
  const rows = await prisma.message.findMany({
    where: { accountId, authorExternalId: userId },
    select: { conversationId: true },
    distinct: ["conversationId"],
    take: 100,
  });
  publishConversationChanges(
    accountId,
    rows.map((row) => row.conversationId),
  );
}

export const highLevelUserNameJob = defineJob({
  kind: HIGHLEVEL_USER_NAME_JOB,
  payload: z.object({ accountId: z.string(), userId: z.string() }),
  semantics: "at-least-once",
  maxAttempts: 6,
  leaseMs: 60_000,
  concurrency: 2,
  async run({ accountId, userId }, { attempt }): Promise<JobResult> {
    // The token was removed meanwhile: nothing is asked.
    const token = await highLevelTokenOf(accountId);
    if (!token) return { outcome: "done" };
    const prisma = await getPrisma();
    let user: Awaited<ReturnType<typeof fetchHighLevelUser>>;
    try {
      user = await fetchHighLevelUser(token, userId);
    } catch (error) {
      if (!(error instanceof HighLevelApiError)) throw error;
      const refused = refusal(error);
      if (refused) return { outcome: "failed", error: refused };
      if (error.status !== null && error.status >= 400 && error.status < 500 && error.status !== 429) {
        // HighLevel has no such user (404, or an id it will not read): asked once, not again.
        await prisma.teammate.updateMany({
          where: { accountId, externalId: userId, firstName: null, lastName: null, email: null },
          data: { deletedAt: new Date() },
        });
        return { outcome: "done" };
      }
      return { outcome: "retry", afterMs: backoffMs(attempt, 30_000, 30 * 60_000), error: error.message };
    }
    // Named meanwhile by a webhook or the users list: theirs stands.
    const named = await prisma.teammate.updateMany({
      where: { accountId, externalId: userId, firstName: null, lastName: null, email: null },
      data: user,
    });
    if (named.count > 0) await announce(accountId, userId);
    return { outcome: "done" };
  },
});
