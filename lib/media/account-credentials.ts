import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/access/auth-secret";
import { getPrisma } from "@/lib/db";

// An account's media credentials (Twilio's Basic auth for recordings, say). The password is
// sealed with AES-256-GCM under a key derived from the server secret, so a database dump
// alone does not hand them out. Changing the server secret means configuring them again.

const key = () => createHash("sha256").update(`threadline media credentials:${authSecret()}`).digest();

export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString("base64url")).join(".");
}

export function openSecret(sealed: string): string {
  const [iv, tag, data] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
  const decipher = createDecipheriv("aes-256-gcm", key(), iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(data!), decipher.final()]).toString("utf8");
}

export async function setMediaCredentials(
  accountId: string,
  credentials: { host: string; username: string; password: string } | null,
) {
  const prisma = await getPrisma();
  await prisma.account.update({
    where: { id: accountId },
    data: credentials
      ? {
          mediaAuthHost: credentials.host.toLowerCase(),
          mediaAuthUsername: credentials.username,
          mediaAuthPasswordSealed: sealSecret(credentials.password),
        }
      : { mediaAuthHost: null, mediaAuthUsername: null, mediaAuthPasswordSealed: null },
  });
}

export async function mediaCredentialsOf(
  accountId: string,
): Promise<{ host: string; username: string; password: string } | null> {
  const prisma = await getPrisma();
  const account = await prisma.account.findUnique({ where: { id: accountId } });
  if (!account?.mediaAuthHost || !account.mediaAuthUsername || !account.mediaAuthPasswordSealed) return null;
  return {
    host: account.mediaAuthHost,
    username: account.mediaAuthUsername,
    password: openSecret(account.mediaAuthPasswordSealed),
  };
}
