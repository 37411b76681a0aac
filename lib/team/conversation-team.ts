import { listActivity, type ActivityView } from "./activity";
import { listAccountMembers, type Member } from "./members";
import { listNotes, type NoteView } from "./notes";

// The team's side of an open conversation: who can be assigned or mentioned, the internal
// notes, and the activity lines (the conversation's scope was checked by the caller).

export interface ConversationTeam {
  members: Member[];
  notes: NoteView[];
  activity: ActivityView[];
}

export async function conversationTeam(conversation: {
  id: string;
  account: { id: string };
}): Promise<ConversationTeam> {
  const [members, notes, activity] = await Promise.all([
    listAccountMembers(conversation.account.id),
    listNotes(conversation.id),
    listActivity(conversation.id),
  ]);
  return { members, notes, activity };
}
