import type { RootDb } from "@/lib/db/client";
import type { AccountScope } from "@/lib/access/scope";
import { NotFoundError } from "@/lib/http/errors";
import { publishConversationChanges } from "@/lib/live/bus";
import type { Actor } from "./actor";
import { recordActivity } from "./activity";
import { lockConversation } from "./conversation-row";

// Applying a label to a conversation, or taking it off: anyone who may read the conversation,
// only a label of the conversation's own account. The answer says whether anything changed, so
// Undo takes back exactly this action (a label that was already there stays).

export interface LabelChange {
  id: string;
  labelId: string;
  /** The label is on the conversation now. */
  on: boolean;
  /** False when it already was as asked: Undo then does nothing. */
  changed: boolean;
}

export async function setConversationLabel(
  db: RootDb,
  id: string,
  scope: AccountScope,
  actor: Actor,
  labelId: string,
  on: boolean,
): Promise<LabelChange> {
  const result = await db.$transaction(async (tx) => {
    const conversation = await lockConversation(tx, id, scope);
    const label = await tx.label.findFirst({
      where: { id: labelId, accountId: conversation.accountId },
      select: { id: true, name: true },
    });
    // Another account's label is as unknown as one that does not exist.
    if (!label) throw new NotFoundError("label");
    // Locked with the conversation: a label deleted at the same moment waits for this action or is
    // already gone (then 404), never a foreign-key failure.
    const [locked] = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM labels WHERE id = ${labelId} FOR SHARE`;
    if (!locked) throw new NotFoundError("label");
    const changed = on
      ? (await tx.conversationLabel.createMany({ data: [{ conversationId: id, labelId }], skipDuplicates: true }))
          .count > 0
      : (await tx.conversationLabel.deleteMany({ where: { conversationId: id, labelId } })).count > 0;
    if (changed)
      await recordActivity(tx, {
        accountId: conversation.accountId,
        conversationId: id,
        actor,
        kind: on ? "labeled" : "unlabeled",
        detail: { labelName: label.name },
      });
    return { accountId: conversation.accountId, change: { id, labelId, on, changed } };
  });
  if (result.change.changed) publishConversationChanges(result.accountId, [id]);
  return result.change;
}
