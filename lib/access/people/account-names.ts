import { getPrisma } from "@/lib/db";
import type { ProviderName } from "@/lib/vocabulary";

// What people call an account: the owner's name for it, else the provider's (HighLevel's
// LocationCreate/LocationUpdate), else "HighLevel location <id>" / "Voxity agent <id>".

const PROVIDER_NOUN: Record<ProviderName, string> = {
  highlevel: "HighLevel location",
  voxity: "Voxity agent",
};

export function accountDisplayName(account: {
  provider: string;
  externalId: string;
  name: string | null;
  displayName: string | null;
}): string {
  const chosen = account.displayName?.trim() || account.name?.trim();
  if (chosen) return chosen;
  const noun = PROVIDER_NOUN[account.provider as ProviderName] ?? "Account";
  return `${noun} ${account.externalId}`;
}

export async function renameAccount(accountId: string, displayName: string): Promise<string> {
  const prisma = await getPrisma();
  const account = await prisma.account.update({
    where: { id: accountId },
    data: { displayName: displayName || null },
    select: { provider: true, externalId: true, name: true, displayName: true },
  });
  return accountDisplayName(account);
}
