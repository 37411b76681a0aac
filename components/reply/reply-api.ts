"use client";

import { type InfiniteData, useMutation, useQueryClient } from "@tanstack/react-query";
import { callRoute } from "@/components/api/call-route";
import type { Message, MessagePage } from "@/components/inbox-data/api-types";
import { refreshAfterChange } from "@/components/inbox-data/after-change";
import { queryKeys } from "@/components/inbox-data/queries";
import { dismissReplyRoute, retryReplyRoute, sendReplyRoute } from "@/lib/contracts/replies";
import type { ReplyInput } from "@/lib/replies/validations";

// Sending and deciding about replies from the browser. Send is local first here too: the bubble is
// in the thread before the server answers (as "Sending"), and the thread's refetch replaces it
// with the stored one.

export const postReply = (conversationId: string, input: ReplyInput) =>
  callRoute(sendReplyRoute, { params: { id: conversationId }, body: input });

type Thread = InfiniteData<MessagePage, string | null>;

/** The bubble shown until the stored message arrives: the same shape, marked by its clientKey. */
function pendingMessage(input: ReplyInput, authorName: string, subject: string | null): Message {
  const now = new Date().toISOString();
  return {
    id: `pending:${input.clientKey}`,
    externalId: `pending:${input.clientKey}`,
    channel: input.channel,
    direction: "outbound",
    status: "sending",
    body: input.text,
    subject,
    sentAt: now,
    createdAt: now,
    author: { name: authorName, externalId: null },
    sender: { kind: "person", name: authorName },
    attachments: [],
    call: null,
    email:
      input.channel === "email"
        ? { from: null, to: [], cc: input.cc ?? [], bcc: input.bcc ?? [], threadId: null }
        : null,
    html: null,
    transcript: null,
    reply: {
      id: `pending:${input.clientKey}`,
      messageId: "",
      channel: input.channel,
      state: "sending",
      error: null,
      scheduledFor: input.sendAt ?? null,
    },
  };
}

export function useSendReply(conversationId: string, authorName: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.messages(conversationId);
  return useMutation({
    mutationFn: ({ input }: { input: ReplyInput; subject: string | null }) => postReply(conversationId, input),
    onMutate: async ({ input, subject }) => {
      await queryClient.cancelQueries({ queryKey: key });
      queryClient.setQueryData<Thread>(key, (thread) => {
        if (!thread?.pages[0]) return thread;
        const [newest, ...older] = thread.pages;
        const page = { ...newest, messages: [...newest.messages, pendingMessage(input, authorName, subject)] };
        return { ...thread, pages: [page, ...older] };
      });
    },
    onError: (_error, { input }) => {
      // Refused by the server (nothing was stored): the bubble goes, the draft is still in the composer.
      queryClient.setQueryData<Thread>(key, (thread) =>
        thread
          ? {
              ...thread,
              pages: thread.pages.map((page) => ({
                ...page,
                messages: page.messages.filter((m) => m.id !== `pending:${input.clientKey}`),
              })),
            }
          : thread,
      );
    },
    // Not awaited: a send is done when the server has answered (returned, the refetch of every list
    // page and count kept it pending 1-2 s at a million messages). The lists now (the row's newest
    // message, Needs reply); the counts once the person pauses, not after each of a run of replies.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: key });
      refreshAfterChange(queryClient);
    },
  });
}

/** Retry or Dismiss a reply that was not delivered (or may not have been). */
export function useReplyDecision(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ replyId, decision }: { replyId: string; decision: "retry" | "dismiss" }) =>
      callRoute(decision === "retry" ? retryReplyRoute : dismissReplyRoute, { params: { id: replyId } }),
    // Pending until the thread shows the outcome (Retry must not be offered again meanwhile), not
    // until every list and count has been fetched again (1-2 s at 1M messages).
    onSettled: () => {
      refreshAfterChange(queryClient);
      return queryClient.invalidateQueries({ queryKey: queryKeys.messages(conversationId) });
    },
  });
}
