import { scriptScopeOfEveryAccount } from "@/lib/access/script-scope";
import { getPrisma } from "@/lib/db";
import { logger } from "@/lib/logger";
import { PENDING_STATUSES } from "@/lib/ingest/event-log-types";
import { markDone } from "@/lib/triage/done";
import { DEMO_STOP_CONVERSATION } from "./reply-scenarios";
import { DEMO_DONE_CONVERSATIONS } from "./triage-scenarios";

// "Done" is no provider event but a person's action: the demo marks its finished conversations
// done the way the button does, once the worker has ingested what the seeding stored.

const POLL_MS = 1_000;
const GIVE_UP_MS = 10 * 60_000;

export async function markDemoConversationsDone(): Promise<number> {
  const prisma = await getPrisma();
  for (let waited = 0; ; waited += POLL_MS) {
    const backlog = await prisma.webhookEvent.count({ where: { status: { in: [...PENDING_STATUSES] } } });
    if (backlog === 0) break;
    if (waited > GIVE_UP_MS) {
      logger.warn("demo: the backlog did not drain; no conversation marked done", { backlog });
      return 0;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const conversations = await prisma.conversation.findMany({
    where: { externalId: { in: [...DEMO_DONE_CONVERSATIONS, DEMO_STOP_CONVERSATION] } },
    select: { id: true },
  });
  for (const { id } of conversations) await markDone(prisma, scriptScopeOfEveryAccount(), id);
  return conversations.length;
}
