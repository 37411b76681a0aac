import { authedRoute } from "@/lib/access/authed-route";
import { scopeIncludes } from "@/lib/access/scope";
import { samePersonAs } from "@/lib/customers/same-person";
import { decideSamePerson, mayDecideSamePerson, samePersonDecisionSchema } from "@/lib/customers/same-person-links";
import { getPrisma } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";
import { readJson } from "@/lib/http/read-body";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The customer's other rows that look like the same person ("Also in: …"), and whether the viewer may decide. */
export const GET = authedRoute(async (_request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  const prisma = await getPrisma();
  const customer = await prisma.customer.findUnique({ where: { id }, select: { accountId: true } });
  if (!customer || !scopeIncludes(viewer.scope, customer.accountId)) throw new NotFoundError("customer");
  const [matches, canDecide] = await Promise.all([
    samePersonAs(id, viewer.scope),
    mayDecideSamePerson(viewer, customer.accountId),
  ]);
  return Response.json({ matches, canDecide });
});

/** An owner links the two as one person, or dismisses the suggestion for good. */
export const POST = authedRoute(async (request: Request, { params }: Context, viewer) => {
  const { id } = await params;
  const input = await readJson(request, samePersonDecisionSchema);
  return Response.json(await decideSamePerson(viewer, id, input));
});
