import type { RootDb } from "@/lib/db/client";
import { getPrisma } from "@/lib/db";
import { listActivity, type ActivityView } from "./activity";
import { type LabelView, listLabels } from "./labels";
import { listAccountMembers, type Member } from "./members";
import { listNotes, type NoteView } from "./notes";

// The team's side of an open conversation: who can be assigned or mentioned, the internal
// notes, and the activity lines (the conversation's scope was checked by the caller).

export interface ConversationTeam {
  members: Member[];
  notes: NoteView[];
  activity: ActivityView[];
  /** The account's labels, to apply from the thread. */
  labels: LabelView[];
}

export async function conversationTeam(
  db: RootDb,
  conversation: {
    id: string;
    account: { id: string };
  },
): Promise<ConversationTeam> {
  const [members, notes, activity, labels] = await Promise.all([
    listAccountMembers(db, conversation.account.id),
    listNotes(db, conversation.id),
    listActivity(db, conversation.id),
    listLabels(await getPrisma(), conversation.account.id),
  ]);
  return { members, notes, activity, labels };
}
