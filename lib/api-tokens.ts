import { createHash, randomBytes } from "node:crypto";
import { getPrisma } from "@/lib/db";

// API tokens for integrations: read access to one account. The token is shown once; only
// its SHA-256 is stored (a random 256-bit token needs no slow hash: nothing to brute-force).

const TOKEN_PREFIX = "tl_";
// Writing last_used_at on every request would turn reads into writes.
const LAST_USED_RESOLUTION_MS = 60_000;

export const hashApiToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface IssuedApiToken {
  id: string;
  accountId: string;
  name: string;
  /** The only time the token itself exists outside the caller's hands. */
  token: string;
}

export async function issueApiToken(accountId: string, name: string): Promise<IssuedApiToken> {
  const prisma = await getPrisma();
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await prisma.apiToken.create({ data: { accountId, name, tokenHash: hashApiToken(token) } });
  return { id: row.id, accountId, name, token };
}

/** The token's account, or null for an unknown or revoked token. */
export async function accountOfApiToken(token: string): Promise<{ tokenId: string; accountId: string } | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const prisma = await getPrisma();
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) } });
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { tokenId: row.id, accountId: row.accountId };
}

export async function revokeApiToken(id: string, accountId: string): Promise<boolean> {
  const prisma = await getPrisma();
  const { count } = await prisma.apiToken.updateMany({ where: { id, accountId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count === 1;
}

export async function listApiTokens(accountId: string) {
  const prisma = await getPrisma();
  return prisma.apiToken.findMany({
    where: { accountId },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: { createdAt: "desc" },
  });
}
