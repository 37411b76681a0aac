"use client";

import { memo } from "react";
import type { View } from "@/components/inbox-data/api-client";
import type { ConversationSummary } from "@/components/inbox-data/api-types";
import { AudioPlayer } from "@/components/audio/audio-player";
import { RowCheckbox } from "@/components/team/bulk/row-checkbox";
import { customerLabel } from "@/lib/format";
import { ConversationRow } from "./conversation-row";

/** What a row does, by id: one object for the list's lifetime, so rows do not re-render for it. */
export interface RowActions {
  open(id: string, messageId: string | null): void;
  prefetch(id: string): void;
  shiftClick(id: string): void;
  order(): string[];
}

interface Props {
  conversation: ConversationSummary;
  index: number;
  start: number;
  measure: (element: Element | null) => void;
  selected: boolean;
  checked: boolean;
  href: string;
  view: View | null;
  accountName: string | null;
  words: string[];
  actions: RowActions;
}

/**
 * One positioned row of the virtual list. Memoised on plain values: opening a conversation
 * re-renders the row it leaves and the row it opens, not every row on screen.
 */
export const ListRow = memo(function ListRow({
  conversation,
  index,
  start,
  measure,
  selected,
  checked,
  href,
  view,
  accountName,
  words,
  actions,
}: Props) {
  const { id } = conversation;
  const voicemail = view === "callbacks" ? conversation.callback?.recording?.mediaUrl : null;
  return (
    <div
      data-index={index}
      ref={measure}
      style={{ position: "absolute", top: 0, left: 0, right: 0, transform: `translateY(${start}px)` }}
    >
      <div className="flex">
        <RowCheckbox id={id} name={customerLabel(conversation.customer)} order={actions.order} />
        <ConversationRow
          conversation={conversation}
          checked={checked}
          onShiftClick={() => actions.shiftClick(id)}
          selected={selected}
          href={href}
          // A search opens the thread at the message that matched (a call, by what was said in it).
          onOpen={() => actions.open(id, conversation.searchHit?.messageId ?? null)}
          view={view}
          accountName={accountName}
          onPrefetch={() => actions.prefetch(id)}
          searchWords={words}
        />
      </div>
      {/* Beside the link, not in it: a player inside a link would be a control inside a control. */}
      {voicemail && (
        <div className="border-b border-border-subtle px-3 pb-2" data-testid="row-voicemail">
          <AudioPlayer src={voicemail} label={`voicemail from ${customerLabel(conversation.customer)}`} />
        </div>
      )}
    </div>
  );
});
