import { authedRoute } from "@/lib/access/authed-route";
import { readJson } from "@/lib/http/read-body";
import { readProfile, saveProfile } from "@/lib/profile/email-signature";
import { profileInputSchema } from "@/lib/profile/validations";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The signed-in person's own settings: { profile: { emailSignature } }.
export const GET = authedRoute(async (_request: Request, _context: unknown, viewer) =>
  Response.json({ profile: await readProfile(viewer) }),
);

// Saves { emailSignature } (at most 2,000 characters; empty removes it).
export const PUT = authedRoute(async (request: Request, _context: unknown, viewer) => {
  const input = await readJson(request, profileInputSchema);
  return Response.json({ profile: await saveProfile(viewer, input) });
});
