import { z } from "zod";
import { highLevelTokenOf } from "@/lib/access/credentials/highlevel-token";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { backoffMs, defineJob, type JobResult } from "@/lib/jobs/definition";
import { enqueueJob } from "@/lib/jobs/queue";
import { HighLevelApiError } from "@/lib/providers/highlevel/api/client";
import { fetchLocationUsers, type HighLevelUser } from "@/lib/providers/highlevel/api/contacts";
import { takeHighLevelToken } from "@/lib/providers/highlevel/api/rate-limit";
import { recordUsersFetch } from "./settings";

// Fetches the location's users from HighLevel's API with the account's token, into the same
// teammates table HighLevel's user webhooks fill, so members are matched by email with them and
// an owner can pick one in Settings. Runs when a token is stored and when an owner asks.

export const HIGHLEVEL_USERS_JOB = "highlevel-users";

export async function enqueueUsersFetch(db: Prisma.TransactionClient | PrismaClient, accountId: string): Promise<void> {
  await enqueueJob(db, { kind: HIGHLEVEL_USERS_JOB, accountId, payload: { accountId } });
}

function refusalWords(error: HighLevelApiError): string | null {
  if (error.status === 401) return "HighLevel refused the token (401): it is wrong, revoked or expired";
  if (error.status === 403) return "the HighLevel token may not read users (403): it needs the users.readonly scope";
  if (error.status === 404 || error.status === 400 || error.status === 422)
    return `HighLevel refused the request for users (${error.status})`;
  return null;
}

export const highLevelUsersJob = defineJob({
  kind: HIGHLEVEL_USERS_JOB,
  payload: z.object({ accountId: z.string() }),
  semantics: "at-least-once",
  maxAttempts: 6,
  leaseMs: 120_000,
  concurrency: 1,
  async run({ accountId }, { attempt, db }): Promise<JobResult> {
    const account = await db.account.findUnique({
      where: { id: accountId },
      select: { provider: true, externalId: true },
    });
    if (account?.provider !== "highlevel") return { outcome: "done" };
    const token = await highLevelTokenOf(accountId);
    if (!token) {
      await recordUsersFetch(db, accountId, "no HighLevel API token is stored");
      return { outcome: "failed", error: "no HighLevel API token is stored" };
    }
    const turn = await takeHighLevelToken(db, account.externalId);
    if (!turn.taken)
      return {
        outcome: "retry",
        afterMs: turn.waitMs,
        error: "waiting its turn under HighLevel's limit",
        notAnAttempt: true,
      };
    let users: HighLevelUser[];
    try {
      users = await fetchLocationUsers(token, account.externalId);
    } catch (error) {
      if (!(error instanceof HighLevelApiError)) throw error;
      const refused = refusalWords(error);
      await recordUsersFetch(db, accountId, refused ?? error.message);
      return refused
        ? { outcome: "failed", error: refused }
        : { outcome: "retry", afterMs: backoffMs(attempt, 30_000, 30 * 60_000), error: error.message };
    }
    await db.$transaction(async (tx) => {
      for (const user of users) {
        const data = { firstName: user.firstName, lastName: user.lastName, email: user.email };
        await tx.teammate.upsert({
          where: { accountId_externalId: { accountId, externalId: user.id } },
          create: { accountId, externalId: user.id, ...data },
          update: { ...data, deletedAt: null },
        });
      }
    });
    await recordUsersFetch(db, accountId, null);
    return { outcome: "done" };
  },
});
