import { getPrisma } from "@/lib/db";
import { readerOf } from "@/lib/triage/read-state";
import { contractRoute } from "@/lib/contracts/contract-route";
import { listConversationsRoute } from "@/lib/contracts/conversations";
import { listConversations } from "@/lib/inbox/conversations";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = contractRoute(listConversationsRoute, async ({ query }, viewer) => {
  return listConversations(await getPrisma(), viewer.scope, query, readerOf(viewer));
});
