import { randomUUID } from "node:crypto";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { getPrisma } from "@/lib/db";
import { SOCKET_ADDRESS_HEADER, sealedSocketAddress } from "@/lib/access/authentication/client-address";
import { grantMembership, type MembershipRole } from "@/lib/access/people/memberships";
import { insertUser } from "@/lib/access/people/users";
import { getAuth } from "@/lib/access/authentication/server";
import { hashPassword, makeSignature } from "better-auth/crypto";

// Real sign-ins through Better Auth's route handler, for tests of what a signed-in person
// (or one who is not) gets from the API.

export const TEST_PASSWORD = "correct horse battery staple";
// Each sign-in comes from its own address, so the sign-in rate limit only bites where a test means it to.
const someAddress = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

export async function signIn(email: string, password = TEST_PASSWORD, address = someAddress()) {
  const response = await authPost(
    new Request("http://localhost/api/auth/sign-in/email", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: "http://localhost",
        // As the server stamps it (lib/access/authentication/socket-stamp.ts): the address the request came from.
        [SOCKET_ADDRESS_HEADER]: sealedSocketAddress(address),
      },
      body: JSON.stringify({ email, password }),
    }),
  );
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return {
    status: response.status,
    cookie,
    json: (await response.json().catch(() => null)) as Record<string, unknown> | null,
  };
}

// scrypt is slow by design (~0.6 s of CPU): the test password is hashed once per worker.
let testPasswordHash: Promise<string> | null = null;

/**
 * A person with a session, made the way a sign-in makes one (Better Auth's own createSession and
 * its signed cookie) without a scrypt check per person; the sign-in route itself is tested
 * through signIn().
 */
export async function createSignedInUser(
  options: { isAdmin?: boolean; accounts?: Array<{ accountId: string; role?: MembershipRole }> } = {},
) {
  const email = `user-${randomUUID().slice(0, 8)}@threadline.test`;
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = await testPasswordHash;
  const prisma = await getPrisma();
  const user = await prisma.$transaction((tx) =>
    insertUser(tx, { email, name: "Test User", isAdmin: options.isAdmin ?? false, passwordHash, emailVerified: true }),
  );
  for (const { accountId, role } of options.accounts ?? []) await grantMembership(user.id, accountId, role ?? "member");
  const context = await (await getAuth()).$context;
  const session = await context.internalAdapter.createSession(user.id);
  const signature = await makeSignature(session.token, context.secret);
  const cookie = `${context.authCookies.sessionToken.name}=${encodeURIComponent(`${session.token}.${signature}`)}`;
  return { ...user, cookie, headers: { cookie } as Record<string, string> };
}

let admin: { id: string; cookie: string } | null = null;

/** An administrator's session, made again whenever a test emptied the database under it. */
export async function adminCookie(): Promise<string> {
  const prisma = await getPrisma();
  if (admin && (await prisma.user.count({ where: { id: admin.id } })) === 1) return admin.cookie;
  const created = await createSignedInUser({ isAdmin: true });
  admin = { id: created.id, cookie: created.cookie };
  return admin.cookie;
}

export async function accountIdOf(provider: string, externalId: string): Promise<string> {
  const prisma = await getPrisma();
  return (await prisma.account.findUniqueOrThrow({ where: { provider_externalId: { provider, externalId } } })).id;
}
