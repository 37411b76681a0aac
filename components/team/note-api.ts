"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ConversationDetail } from "@/components/inbox-data/api-types";
import { queryKeys } from "@/components/inbox-data/queries";
import type { NoteInput } from "@/lib/team/validations";
import { postNote } from "./team-api";

/** Adds a note, in the thread at once (with its author) and settled by the server's answer. */
export function useAddNote(conversationId: string, authorName: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.conversation(conversationId);
  return useMutation({
    mutationFn: (input: NoteInput) => postNote(conversationId, input),
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: key });
      const pending = {
        id: `pending:${Date.now()}`,
        authorId: null,
        authorName,
        text: input.text,
        at: new Date().toISOString(),
        mentions: [],
      };
      queryClient.setQueryData<ConversationDetail>(key, (detail) =>
        detail ? { ...detail, team: { ...detail.team, notes: [...detail.team.notes, pending] } } : detail,
      );
      return { pendingId: pending.id };
    },
    onError: (_error, _input, context) =>
      queryClient.setQueryData<ConversationDetail>(key, (detail) =>
        detail
          ? {
              ...detail,
              team: { ...detail.team, notes: detail.team.notes.filter((note) => note.id !== context?.pendingId) },
            }
          : detail,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
