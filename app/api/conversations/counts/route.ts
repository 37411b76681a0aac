import { z } from "zod";
import { authedRoute } from "@/lib/access/authed-route";
import { countConversations } from "@/lib/inbox/conversation-counts";
import { searchParamsToObject } from "@/lib/inbox/validations";
import { readerOf } from "@/lib/triage/read-state";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const countsQuerySchema = z.object({ account: z.string().min(1).max(100).optional() });

// The view tabs' counts (All, Unread for the viewer, Needs reply, Callbacks, Done) in one call.
export const GET = authedRoute(async (request: Request, _context: unknown, viewer) => {
  const { account } = countsQuerySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  return Response.json(await countConversations({ scope: viewer.scope, readerId: readerOf(viewer) }, account));
});
