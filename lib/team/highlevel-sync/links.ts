import type { Prisma } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/errors";
import { membersAmong } from "../members";

// Which HighLevel user each Threadline person is, per account. An owner's choice (a user, or "Not
// linked") wins; without one a person is matched by email with the location's users (the
// teammates table: HighLevel's UserCreate/UserUpdate webhooks and the users fetch). A HighLevel
// user is at most one person's, so HighLevel's assignment maps back to exactly one member.

type Db = Pick<Prisma.TransactionClient, "user" | "teammate" | "highLevelUserLink">;

export type LinkSource = "owner" | "email";

export interface LinkedMember {
  id: string;
  name: string;
  email: string;
  highLevelUserId: string | null;
  /** How the link was made; null when not linked. */
  source: LinkSource | null;
}

export interface HighLevelUserView {
  id: string;
  name: string;
  email: string | null;
}

export interface AccountLinks {
  members: LinkedMember[];
  /** The location's users we know of (removed ones left out). */
  highLevelUsers: HighLevelUserView[];
  /** A member's HighLevel user id, or null when they have none. */
  highLevelIdOf(userId: string): string | null;
  /** The member a HighLevel user is linked to, if any. */
  memberOf(highLevelUserId: string): LinkedMember | null;
  /** HighLevel's name for one of its users (removed ones too), if we know it. */
  highLevelNameOf(highLevelUserId: string): string | null;
}

const normalEmail = (email: string | null | undefined) => email?.trim().toLowerCase() || null;

function teammateName(teammate: {
  externalId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}) {
  return (
    [teammate.firstName, teammate.lastName].filter(Boolean).join(" ").trim() || teammate.email || teammate.externalId
  );
}

export async function accountLinks(db: Db, accountId: string): Promise<AccountLinks> {
  const [users, overrides, teammates] = await Promise.all([
    db.user.findMany({
      where: { OR: [{ memberships: { some: { accountId } } }, { isAdmin: true }] },
      select: { id: true, name: true, email: true },
      orderBy: [{ name: "asc" }, { email: "asc" }],
    }),
    db.highLevelUserLink.findMany({ where: { accountId } }),
    db.teammate.findMany({
      where: { accountId },
      select: { externalId: true, firstName: true, lastName: true, email: true, deletedAt: true },
      orderBy: { externalId: "asc" },
    }),
  ]);
  const chosen = new Map(overrides.map((row) => [row.userId, row.highLevelUserId]));
  const taken = new Set(overrides.flatMap((row) => (row.highLevelUserId ? [row.highLevelUserId] : [])));
  const byEmail = new Map<string, string>();
  for (const teammate of teammates) {
    const email = normalEmail(teammate.email);
    if (email && !teammate.deletedAt && !byEmail.has(email)) byEmail.set(email, teammate.externalId);
  }
  const members: LinkedMember[] = users.map((user) => {
    const base = { id: user.id, name: user.name || user.email, email: user.email };
    if (chosen.has(user.id)) {
      const highLevelUserId = chosen.get(user.id) ?? null;
      return { ...base, highLevelUserId, source: "owner" };
    }
    const match = byEmail.get(normalEmail(user.email) ?? "");
    if (!match || taken.has(match)) return { ...base, highLevelUserId: null, source: null };
    taken.add(match);
    return { ...base, highLevelUserId: match, source: "email" };
  });
  const byMember = new Map(members.map((member) => [member.id, member]));
  const byHighLevel = new Map(
    members.flatMap((member) => (member.highLevelUserId ? [[member.highLevelUserId, member]] : [])),
  );
  const names = new Map(teammates.map((teammate) => [teammate.externalId, teammateName(teammate)]));
  return {
    members,
    highLevelUsers: teammates
      .filter((teammate) => !teammate.deletedAt)
      .map((teammate) => ({ id: teammate.externalId, name: teammateName(teammate), email: teammate.email }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    highLevelIdOf: (userId) => byMember.get(userId)?.highLevelUserId ?? null,
    memberOf: (highLevelUserId) => byHighLevel.get(highLevelUserId) ?? null,
    highLevelNameOf: (highLevelUserId) => names.get(highLevelUserId) ?? null,
  };
}

/** An owner links a member to a HighLevel user of the location, or to none ("Not linked"). */
export async function setUserLink(
  tx: Prisma.TransactionClient,
  accountId: string,
  userId: string,
  highLevelUserId: string | null,
): Promise<void> {
  if (!(await membersAmong(tx, accountId, [userId])).has(userId))
    throw new HttpError(400, "that person is not a member of this account");
  if (highLevelUserId) {
    const known = await tx.teammate.count({ where: { accountId, externalId: highLevelUserId, deletedAt: null } });
    if (known === 0) throw new HttpError(400, "that HighLevel user is not one of this location's users");
    const other = await tx.highLevelUserLink.findFirst({
      where: { accountId, highLevelUserId, NOT: { userId } },
      select: { userId: true },
    });
    if (other) {
      const owner = await tx.user.findUnique({ where: { id: other.userId }, select: { name: true, email: true } });
      throw new HttpError(
        409,
        `that HighLevel user is already linked to ${owner?.name || owner?.email || "someone else"}`,
      );
    }
  }
  await tx.highLevelUserLink.upsert({
    where: { accountId_userId: { accountId, userId } },
    create: { accountId, userId, highLevelUserId },
    update: { highLevelUserId },
  });
}
