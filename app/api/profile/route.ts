import { contractRoute } from "@/lib/contracts/contract-route";
import { profileRoute, saveProfileRoute } from "@/lib/contracts/settings";
import { readProfile, saveProfile } from "@/lib/profile/email-signature";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The signed-in person's own settings: { profile: { emailSignature } }.
export const GET = contractRoute(profileRoute, async (_input, viewer) => ({ profile: await readProfile(viewer) }));

// Saves { emailSignature } (at most 2,000 characters; empty removes it).
export const PUT = contractRoute(saveProfileRoute, async ({ body: input }, viewer) => {
  return { profile: await saveProfile(viewer, input) };
});
