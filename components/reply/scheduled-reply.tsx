"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CalendarClock, X } from "lucide-react";
import { callRoute } from "@/components/api/call-route";
import { refreshAfterChange } from "@/components/inbox-data/after-change";
import type { ReplyView } from "@/components/inbox-data/api-types";
import { queryKeys } from "@/components/inbox-data/queries";
import { browserTimeZone } from "@/components/reports/use-report-state";
import { Button } from "@/components/ui/button";
import { cancelReplyRoute } from "@/lib/contracts/replies";
import { formatSendTime } from "@/lib/replies/send-later";
import { isReplyChannel } from "@/lib/vocabulary";
import { REPLY_TEXTBOX_ID } from "./composer";
import { draftQueryKey } from "./draft-api";
import { restoreDraftText } from "./use-draft";

// A reply HighLevel holds for later: "Scheduled for <time>" and Cancel, which calls HighLevel's
// cancel and puts the text back in the composer as the person's draft.

function useCancelScheduledReply(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (replyId: string) => callRoute(cancelReplyRoute, { params: { id: replyId } }),
    onSuccess: ({ draft, restored }) => {
      if (!draft || !restored) return;
      // An open composer takes the text back now; a closed one reads the server's draft when it opens.
      queryClient.setQueryData(draftQueryKey(conversationId), draft);
      const channel = isReplyChannel(restored.channel) ? restored.channel : null;
      restoreDraftText({ conversationId, text: restored.text, channel });
      document.getElementById(REPLY_TEXTBOX_ID)?.focus();
    },
    // Pending until the thread no longer shows the scheduled reply, not until every list and count is fetched again.
    onSettled: () => {
      refreshAfterChange(queryClient);
      return queryClient.invalidateQueries({ queryKey: queryKeys.messages(conversationId) });
    },
  });
}

export function ScheduledReply({ reply, conversationId }: { reply: ReplyView; conversationId: string }) {
  const cancel = useCancelScheduledReply(conversationId);
  const at = reply.scheduledFor ? new Date(reply.scheduledFor) : null;
  const timeZone = browserTimeZone();
  // Once its time has come HighLevel is sending it: there is nothing left to cancel.
  const cancellable = at !== null && at.getTime() > Date.now() && !reply.id.startsWith("pending:");
  return (
    <span className="inline-flex flex-wrap items-center gap-1" data-testid="reply-state" data-state={reply.state}>
      <CalendarClock className="size-3" aria-hidden />
      {at ? `Scheduled for ${formatSendTime(at, timeZone)}` : "Scheduled"}
      {cancellable && (
        <Button
          size="sm"
          variant="ghost"
          className="px-1 py-0"
          disabled={cancel.isPending}
          onClick={() => cancel.mutate(reply.id)}
        >
          <X className="size-3" aria-hidden /> Cancel
        </Button>
      )}
      {cancel.isError && (
        <span role="alert" className="text-danger">
          {cancel.error.message}
        </span>
      )}
    </span>
  );
}
