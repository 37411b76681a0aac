import { authedRoute } from "@/lib/access/authed-route";
import { getPrisma } from "@/lib/db";
import { requirePerson } from "@/lib/access/require-person";
import { readJson } from "@/lib/http/read-body";
import { createSavedView, listSavedViews } from "@/lib/inbox/saved-views";
import { savedViewInputSchema } from "@/lib/team/validations";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The viewer's saved views and those shared with their accounts, each with its count now.
export const GET = authedRoute(async (_request: Request, _context: unknown, viewer) =>
  Response.json({ views: await listSavedViews(await getPrisma(), viewer.scope, requirePerson(viewer, "saved views")) }),
);

// Saves { name, query, shared, accountId? }.
export const POST = authedRoute(async (request: Request, _context: unknown, viewer) => {
  const person = requirePerson(viewer, "saved views");
  const input = await readJson(request, savedViewInputSchema);
  return Response.json(
    { view: await createSavedView(await getPrisma(), viewer.scope, person, input) },
    { status: 201 },
  );
});
