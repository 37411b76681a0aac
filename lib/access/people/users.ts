import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import { getPrisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/errors";

// People who sign in. Passwords go through Better Auth's own scrypt hashing and are stored
// where its sign-in looks for them (auth_accounts, provider "credential").

export const newUserSchema = z.object({
  email: z.email().transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1).max(100),
  password: z.string().min(10, "password must be at least 10 characters").max(256),
  isAdmin: z.boolean().default(false),
});
export type NewUser = z.input<typeof newUserSchema>;

/** A password nobody chose: shown once to whoever creates the user. */
export const generatePassword = () => randomBytes(18).toString("base64url");

export class EmailTakenError extends HttpError {
  constructor(email: string) {
    super(409, `a user with email ${email} already exists`);
    this.name = "EmailTakenError";
  }
}

export async function createUserWithPassword(input: NewUser): Promise<{ id: string; email: string }> {
  const { email, name, password, isAdmin } = newUserSchema.parse(input);
  const prisma = await getPrisma();
  if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) throw new EmailTakenError(email);
  const passwordHash = await hashPassword(password);
  // An administrator creating a sign-in vouches for its address.
  return prisma.$transaction((tx) => insertUser(tx, { email, name, isAdmin, passwordHash, emailVerified: true }));
}

/** The user row and its password sign-in, inside the caller's transaction. */
export async function insertUser(
  tx: Pick<Prisma.TransactionClient, "user" | "authAccount">,
  user: { email: string; name: string; isAdmin: boolean; passwordHash: string; emailVerified: boolean },
): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  const { email, name, isAdmin, emailVerified } = user;
  await tx.user.create({ data: { id, email, name, isAdmin, emailVerified } });
  await tx.authAccount.create({
    data: { id: randomUUID(), userId: id, accountId: id, providerId: "credential", password: user.passwordHash },
  });
  return { id, email };
}

export async function findUserByEmail(email: string) {
  const prisma = await getPrisma();
  return prisma.user.findUnique({ where: { email: email.toLowerCase() } });
}

export async function countUsers(): Promise<number> {
  return (await getPrisma()).user.count();
}
