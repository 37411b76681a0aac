"use client";

import { Ban } from "lucide-react";
import type { ReplyOptions } from "@/components/inbox-data/api-types";
import { CHANNEL_META } from "@/components/inbox-data/channel-meta";
import { Notice } from "@/components/ui/notice";
import type { ReplyChannel } from "@/lib/vocabulary";

// Do not disturb in the composer: the channels the customer may not be written to on are in the
// picker, disabled, and why is said above the box before anyone types (the server's own words,
// the same the send route refuses with).

/** The picker's options: a channel that may not be used is there, disabled, with why on hover. */
export function ChannelOptions({
  channels,
  unavailable,
}: {
  channels: readonly ReplyChannel[];
  unavailable: ReplyOptions["unavailable"];
}) {
  return channels.map((channel) => {
    const reason = unavailable[channel];
    return (
      <option key={channel} value={channel} disabled={Boolean(reason)} title={reason}>
        {CHANNEL_META[channel].label}
        {reason ? " — not allowed" : ""}
      </option>
    );
  });
}

/** Why each unavailable channel is, one line per channel; nothing when all may be used. */
export function ConsentNotice({ unavailable }: { unavailable: ReplyOptions["unavailable"] }) {
  const lines = Object.entries(unavailable).filter((entry): entry is [ReplyChannel, string] => Boolean(entry[1]));
  if (lines.length === 0) return null;
  return (
    <Notice tone="warning" className="mb-1 space-y-0.5 text-xs" data-testid="reply-consent" role="note">
      {lines.map(([channel, reason]) => (
        <p key={channel} className="flex items-start gap-1.5">
          <Ban className="mt-0.5 size-3.5 shrink-0 text-danger" aria-hidden />
          <span>{reason}</span>
        </p>
      ))}
    </Notice>
  );
}
