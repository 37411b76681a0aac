import type { Viewer } from "@/lib/access/viewer";
import { requirePerson } from "@/lib/access/require-person";
import { getPrisma } from "@/lib/db";
import type { ProfileInput, ProfileView } from "./validations";

// A person's own settings, read and written only by that person (no account scope: nothing in
// it belongs to an account). Today: the email signature added under their email replies.

export async function readProfile(viewer: Viewer): Promise<ProfileView> {
  const person = requirePerson(viewer, "profiles");
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { id: person.userId }, select: { emailSignature: true } });
  return { emailSignature: user?.emailSignature ?? "" };
}

export async function saveProfile(viewer: Viewer, input: ProfileInput): Promise<ProfileView> {
  const person = requirePerson(viewer, "profiles");
  const prisma = await getPrisma();
  // Blank is no signature at all: nothing is added under a reply.
  const emailSignature = input.emailSignature.trim() === "" ? null : input.emailSignature;
  await prisma.user.update({ where: { id: person.userId }, data: { emailSignature } });
  return { emailSignature: emailSignature ?? "" };
}

/** The signature an email reply by this person goes out with, or null. */
export async function emailSignatureOf(userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { emailSignature: true } });
  return user?.emailSignature?.trim() ? user.emailSignature : null;
}
