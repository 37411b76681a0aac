import { scopeIncludes } from "@/lib/access/scope";
import { answer, contractRoute } from "@/lib/contracts/contract-route";
import { accountLabelsRoute, createLabelRoute } from "@/lib/contracts/settings";
import { getPrisma } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";
import { createLabel, listLabels } from "@/lib/team/labels";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// The account's labels: anyone in the account reads them (to apply and filter); owners add them.
export const GET = contractRoute(accountLabelsRoute, async ({ params: { id } }, viewer) => {
  if (!scopeIncludes(viewer.scope, id)) throw new NotFoundError("account");
  return { labels: await listLabels(await getPrisma(), id) };
});

export const POST = contractRoute(createLabelRoute, async ({ params: { id }, body: input }) => {
  return answer({ label: await createLabel(await getPrisma(), id, input) }, { status: 201 });
});
