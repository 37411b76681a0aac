import type { Prisma } from "@/lib/generated/prisma/client";
import type { MessageFacts } from "@/lib/providers/contract";
import { applyKeywordConsent } from "@/lib/replies/consent";
import { advanceOutboundStatus } from "@/lib/replies/delivery-status";
import { adoptEchoOfReply } from "@/lib/replies/outcome";
import { requestHighLevelUserName } from "@/lib/senders/user-names";
import { syncTranscriptToMessages } from "./calls";
import { enqueueTranscriptFetch } from "./transcripts/enqueue";

// What follows a message's insert (or its not being new), one event at a time: the same for an
// event applied on its own (apply.ts) and for one of a batch's messages stored at once (batch.ts).

type Tx = Prisma.TransactionClient;

/**
 * `conversation`: where the message was stored, null when it was there already; `adopted`: it took
 * a Voice AI placeholder's place; `replyMayWait: false`: the conversation was seen (in this
 * transaction) to have no reply waiting for its echo, so none is looked for again. Answers the conversation whose delivery status moved, if any.
 */
export async function afterMessage(
  tx: Tx,
  accountId: string,
  facts: MessageFacts,
  stored: { adopted: boolean; conversation: string | null; replyMayWait?: boolean },
  customerIdFor: (externalId: string) => Promise<string>,
): Promise<string | null> {
  const { adopted, conversation } = stored;
  if (conversation) {
    // A report that came before this call (and had no placeholder) meets it here.
    if (facts.call) await syncTranscriptToMessages(tx, accountId, facts.externalId);
    // HighLevel's echo of a reply sent from here, seen before (or without) the API's answer.
    else if (facts.direction === "outbound") {
      if (stored.replyMayWait !== false) await adoptEchoOfReply(tx, conversation, facts.externalId);
    }
    // The customer wrote STOP (or START): their consent on that channel.
    else if (facts.customerExternalId)
      await applyKeywordConsent(tx, accountId, await customerIdFor(facts.customerExternalId), facts);
  }
  // A copy of a message stored before: HighLevel telling its status moved on (delivered, read, failed).
  const advanced = adopted || conversation ? null : await advanceOutboundStatus(tx, accountId, facts);
  if (adopted || conversation) await enqueueTranscriptFetch(tx, accountId, facts);
  // A HighLevel user nobody has named yet: asked of HighLevel once (lib/senders/user-names.ts).
  if (conversation) await requestHighLevelUserName(tx, accountId, facts);
  return advanced;
}
