import { getPrisma } from "@/lib/db";
import { answer, contractRoute } from "@/lib/contracts/contract-route";
import { saveViewRoute, savedViewsRoute } from "@/lib/contracts/team";
import { createSavedView, listSavedViews } from "@/lib/inbox/saved-views";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The viewer's saved views and those shared with their accounts, each with its count now.
export const GET = contractRoute(savedViewsRoute, async (_input, person) => ({
  views: await listSavedViews(await getPrisma(), person.scope, person),
}));

// Saves { name, query, shared, accountId? }.
export const POST = contractRoute(saveViewRoute, async ({ body: input }, person) => {
  return answer({ view: await createSavedView(await getPrisma(), person.scope, person, input) }, { status: 201 });
});
