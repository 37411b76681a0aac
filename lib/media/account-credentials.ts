import { openSecret, sealSecret } from "@/lib/access/credentials/sealed-secret";
import { getPrisma } from "@/lib/db";

// An account's media credentials (Twilio's Basic auth for recordings, say); the password is
// sealed with the server secret (lib/access/credentials/sealed-secret.ts).

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
          mediaAuthPasswordSealed: sealSecret("media credentials", credentials.password),
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
    password: openSecret("media credentials", account.mediaAuthPasswordSealed),
  };
}
