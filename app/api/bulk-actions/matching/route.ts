import { z } from "zod";
import { authedRoute } from "@/lib/access/authed-route";
import { requirePerson } from "@/lib/access/require-person";
import { HttpError } from "@/lib/http/errors";
import { readerOf } from "@/lib/triage/read-state";
import { countTarget } from "@/lib/bulk-actions/target";
import { BULK_MAX } from "@/lib/bulk-actions/validations";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const querySchema = z.object({ query: z.string().max(4_000) });

// ?query=<the list's query string>: how many conversations "select all matching" would take
// (counted up to BULK_MAX + 1; `capped` says there are more than an action may take).
export const GET = authedRoute(async (request: Request, _context: unknown, viewer) => {
  const person = requirePerson(viewer, "bulk actions");
  const parsed = querySchema.safeParse({ query: new URL(request.url).searchParams.get("query") ?? "" });
  if (!parsed.success) throw new HttpError(400, "query is at most 4,000 characters");
  const count = await countTarget(parsed.data.query, { scope: person.scope, readerId: readerOf(person) });
  return Response.json({ count: Math.min(count, BULK_MAX), capped: count > BULK_MAX, max: BULK_MAX });
});
