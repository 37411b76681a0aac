import { accountOwnerRoute } from "@/lib/access/account-owner-route";
import { authedRoute } from "@/lib/access/authed-route";
import { scopeIncludes } from "@/lib/access/scope";
import { getPrisma } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-body";
import { createLabel, listLabels } from "@/lib/team/labels";
import { labelInputSchema } from "@/lib/team/validations";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// The account's labels: anyone in the account reads them (to apply and filter); owners add them.
export const GET = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  if (!scopeIncludes(viewer.scope, id)) throw new NotFoundError("account");
  return Response.json({ labels: await listLabels(await getPrisma(), id) });
});

export const POST = accountOwnerRoute(async (request: Request, { accountId: id }) => {
  const input = await readJson(request, labelInputSchema);
  return Response.json({ label: await createLabel(id, input) }, { status: 201 });
});
