import { decideSamePersonRoute, samePersonRoute } from "@/lib/contracts/customers";
import { contractRoute } from "@/lib/contracts/contract-route";
import { samePersonPanel } from "@/lib/customers/same-person";
import { decideSamePerson } from "@/lib/customers/same-person-links";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = contractRoute(samePersonRoute, ({ params: { id } }, viewer) => samePersonPanel(viewer, id));

// Role "member" on the contract: decideSamePerson answers an API token with the owner's own 403.
export const POST = contractRoute(decideSamePersonRoute, ({ params: { id }, body }, viewer) =>
  decideSamePerson(viewer, id, body),
);
