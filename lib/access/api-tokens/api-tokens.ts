import { getPrisma } from "@/lib/db";
import { hashSecretToken, newSecretToken } from "@/lib/access/credentials/secret-token";
import { apiTokenScopeSchema, type ApiTokenScope } from "@/lib/vocabulary";

// API tokens for integrations: read access to one account, and with the `send` scope (an
// owner's choice when making it) sending replies there too. The token is shown once; only its
// SHA-256 is stored.

const TOKEN_PREFIX = "tl_";
// Writing last_used_at on every request would turn reads into writes.
const LAST_USED_RESOLUTION_MS = 60_000;

export interface IssuedApiToken {
  id: string;
  accountId: string;
  name: string;
  scope: ApiTokenScope;
  /** The only time the token itself exists outside the caller's hands. */
  token: string;
}

export async function issueApiToken(
  accountId: string,
  name: string,
  scope: ApiTokenScope = "read",
): Promise<IssuedApiToken> {
  const prisma = await getPrisma();
  const token = `${TOKEN_PREFIX}${newSecretToken()}`;
  const row = await prisma.apiToken.create({ data: { accountId, name, scope, tokenHash: hashSecretToken(token) } });
  return { id: row.id, accountId, name, scope, token };
}

export interface ApiTokenHolder {
  tokenId: string;
  accountId: string;
  name: string;
  scope: ApiTokenScope;
}

/** The token's account, name and scope, or null for an unknown or revoked token. */
export async function accountOfApiToken(token: string): Promise<ApiTokenHolder | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const prisma = await getPrisma();
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashSecretToken(token) } });
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { tokenId: row.id, accountId: row.accountId, name: row.name, scope: apiTokenScopeSchema.parse(row.scope) };
}

export async function revokeApiToken(id: string, accountId: string): Promise<boolean> {
  const prisma = await getPrisma();
  const { count } = await prisma.apiToken.updateMany({
    where: { id, accountId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}

export async function listApiTokens(accountId: string) {
  const prisma = await getPrisma();
  return prisma.apiToken.findMany({
    where: { accountId },
    select: { id: true, name: true, scope: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: { createdAt: "desc" },
  });
}
