import { AlertTriangle, FileText, PhoneIncoming, PhoneMissed, PhoneOutgoing, Voicemail } from "lucide-react";
import type { Attachment, Message } from "@/components/inbox-data/api-types";
import { CHANNEL_META, ChannelIcon } from "@/components/inbox-data/channel-meta";
import { useState } from "react";
import { AudioPlayer } from "@/components/audio/audio-player";
import { ReplyStatus, replyNeedsDecision } from "@/components/reply/reply-status";
import { replyTextOf } from "@/components/reply/send-elsewhere";
import { CallTranscript } from "./call-transcript";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { attachmentFileName, downloadFileName, formatDuration, formatTime } from "@/lib/format";
import { CALL_OUTCOME_LABELS, type CallOutcome } from "@/lib/vocabulary";
import { EmailMessage } from "./email-message";
import { ImageAttachment } from "./image-attachment";
import { LinkifiedText } from "./linkified-text";
import { MessageSender } from "./message-sender";

const FAILED_STATUSES = new Set(["failed", "undelivered", "error", "bounced", "rejected"]);

/** Outcomes a person should notice are coloured (and named: colour is never the only cue). */
const OUTCOME_TONES: Record<CallOutcome, BadgeTone> = {
  answered: "neutral",
  voicemail: "accent",
  no_answer: "danger",
  busy: "warning",
  failed: "danger",
  in_progress: "neutral",
  unknown: "neutral",
};

/** The call outcome in the words the list preview uses (lib/vocabulary.ts), as a badge. */
function OutcomeBadge({ outcome }: { outcome: CallOutcome }) {
  const label = CALL_OUTCOME_LABELS[outcome];
  if (!label) return null;
  return (
    <Badge
      tone={OUTCOME_TONES[outcome]}
      className="py-0 font-semibold"
      data-testid="call-outcome"
      data-outcome={outcome}
    >
      {label}
    </Badge>
  );
}

function StatusBadge({ status }: { status: string | null }) {
  if (!status) return null;
  if (FAILED_STATUSES.has(status)) {
    return (
      <Badge tone="danger" className="px-1 py-0 text-[11px] font-semibold" data-testid="failed-status">
        <AlertTriangle className="size-3" aria-hidden /> {status === "undelivered" ? "Not delivered" : "Failed"}
      </Badge>
    );
  }
  return <span className="capitalize">{status}</span>;
}

function Recording({
  attachment,
  label,
  duration,
  downloadName,
  onAudioElement,
}: {
  attachment: Attachment | undefined;
  label: string;
  duration: number | null;
  downloadName: string;
  onAudioElement: (audio: HTMLAudioElement | null) => void;
}) {
  if (!attachment) return null;
  if (!attachment.mediaUrl)
    return (
      <p className="text-xs italic text-text-muted" data-testid="recording-unavailable">
        Recording unavailable
      </p>
    );
  return (
    <AudioPlayer
      src={attachment.mediaUrl}
      label={label}
      knownDurationSeconds={duration}
      downloadName={downloadName}
      onAudioElement={onAudioElement}
    />
  );
}

function CallBody({ message, focused, customerName }: { message: Message; focused: boolean; customerName: string }) {
  const call = message.call!;
  // The player's audio element, for the transcript to seek and follow.
  const [audio, setAudio] = useState<HTMLAudioElement | null>(null);
  const isVoicemailDrop = message.channel === "voicemail";
  const Icon =
    isVoicemailDrop || call.outcome === "voicemail"
      ? Voicemail
      : call.outcome === "no_answer"
        ? PhoneMissed
        : message.direction === "inbound"
          ? PhoneIncoming
          : PhoneOutgoing;
  const title = isVoicemailDrop
    ? `${message.direction === "inbound" ? "Voicemail" : "Voicemail drop"}`
    : `${message.direction === "inbound" ? "Inbound" : "Outbound"} call`;
  const recording = message.attachments.find((a) => ["recording", "voicemail", "audio"].includes(a.kind));
  return (
    <div
      className="space-y-1.5"
      data-testid={isVoicemailDrop || call.outcome === "voicemail" ? "voicemail-message" : "call-message"}
    >
      {/* One line that wraps as a whole (no flex columns), so a narrow thread never strands a "·". */}
      <p className="text-sm font-medium" data-testid="call-heading">
        <Icon className="mr-1.5 inline size-4 align-[-3px]" aria-hidden />
        {title} {!isVoicemailDrop && <OutcomeBadge outcome={call.outcome} />}
        {call.durationSeconds != null && call.durationSeconds > 0 && (
          <span className="whitespace-nowrap font-normal tabular-nums text-text-muted">
            {" "}
            · <span data-testid="call-duration">{formatDuration(call.durationSeconds)}</span>
          </span>
        )}
      </p>
      {message.body && <LinkifiedText text={message.body} />}
      <Recording
        attachment={recording}
        label={isVoicemailDrop || call.outcome === "voicemail" ? "voicemail" : "call recording"}
        duration={call.durationSeconds}
        downloadName={downloadFileName(
          customerName,
          `${isVoicemailDrop || call.outcome === "voicemail" ? "voicemail" : "call-recording"}-${message.direction}`,
          message.sentAt,
        )}
        onAudioElement={setAudio}
      />
      {message.transcript && (
        <CallTranscript
          transcript={message.transcript}
          audio={audio}
          open={focused}
          durationSeconds={call.durationSeconds}
        />
      )}
    </div>
  );
}

function Attachments({ message, customerName }: { message: Message; customerName: string }) {
  const { attachments } = message;
  if (attachments.length === 0) return null;
  return (
    <div className="mt-1 flex flex-wrap gap-2">
      {attachments.map((attachment) =>
        attachment.kind === "image" && attachment.mediaUrl ? (
          <ImageAttachment key={attachment.id} src={attachment.mediaUrl} />
        ) : attachment.kind === "audio" && attachment.mediaUrl ? (
          <AudioPlayer
            key={attachment.id}
            src={attachment.mediaUrl}
            label="audio attachment"
            downloadName={downloadFileName(
              customerName,
              `${message.channel}-audio-${message.direction}`,
              message.sentAt,
            )}
          />
        ) : attachment.mediaUrl ? (
          <a
            key={attachment.id}
            href={attachment.mediaUrl}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="inline-flex items-center gap-1 text-xs underline"
          >
            <FileText className="size-3.5" aria-hidden /> {attachmentFileName(attachment.url)}
          </a>
        ) : (
          <span key={attachment.id} className="text-xs italic text-text-muted">
            Attachment unavailable ({attachment.url.slice(0, 40)})
          </span>
        ),
      )}
    </div>
  );
}

export function MessageBubble({
  message,
  showSubject,
  focused = false,
  customerName,
  conversationId,
}: {
  message: Message;
  conversationId: string;
  showSubject: boolean;
  /** Who the conversation is with, for the names of downloads. */
  customerName: string;
  /** The message a search opened the thread at: marked, its transcript unfolded. */
  focused?: boolean;
}) {
  const outbound = message.direction === "outbound";
  const { reply } = message;
  const failed = reply ? replyNeedsDecision(reply) : message.status ? FAILED_STATUSES.has(message.status) : false;
  const isCall = message.call !== null && (message.channel === "call" || message.channel === "voicemail");
  return (
    <article
      className={`flex flex-col ${outbound ? "items-end" : "items-start"} px-4 py-1`}
      data-testid="message"
      data-direction={message.direction}
      data-channel={message.channel}
      data-focused={focused || undefined}
      aria-label={`${outbound ? "Outbound" : "Inbound"} ${CHANNEL_META[message.channel]?.label ?? message.channel} message at ${formatTime(message.sentAt)}`}
    >
      <div
        className={cn(
          "max-w-[85%] rounded-card border px-3 py-2 sm:max-w-[75%]",
          failed
            ? "border-danger-border bg-danger-soft"
            : outbound
              ? "border-accent-border bg-accent-soft"
              : "border-border bg-surface-raised",
          message.channel === "email" && "w-full sm:w-[75%]",
          focused && "ring-2 ring-focus",
        )}
      >
        <header className="mb-1 flex flex-wrap items-center gap-x-1.5 text-[11px] text-text-muted">
          <ChannelIcon channel={message.channel} className="size-3.5" decorative />
          <span>{CHANNEL_META[message.channel]?.label ?? message.channel}</span>
          <span>·</span>
          {/* Who sent an outbound message is said under it (MessageSender). */}
          {!(outbound && message.sender) && <span>{outbound ? "Team" : "Customer"}</span>}
          {!(outbound && message.sender) && <span>·</span>}
          <time dateTime={message.sentAt ?? undefined}>{formatTime(message.sentAt)}</time>
          {/* A call's outcome says how it went; its provider status ("completed") would contradict a missed call. */}
          {(message.status || reply) && !isCall && <span>·</span>}
          {/* Sent from here: how the send went (what needs a decision shows under the message). */}
          {reply
            ? !replyNeedsDecision(reply) && (
                <ReplyStatus reply={reply} conversationId={conversationId} deliveryStatus={message.status} />
              )
            : !isCall && <StatusBadge status={message.status} />}
        </header>
        {isCall ? (
          <CallBody message={message} focused={focused} customerName={customerName} />
        ) : message.channel === "email" ? (
          // A search hit in the subject shows the subject, also on a reply that would not repeat it.
          <EmailMessage message={message} showSubject={showSubject || focused} />
        ) : (
          message.body && <LinkifiedText text={message.body} />
        )}
        {!isCall && <Attachments message={message} customerName={customerName} />}
        {reply && replyNeedsDecision(reply) && (
          <ReplyStatus reply={reply} conversationId={conversationId} text={replyTextOf(message)} />
        )}
      </div>
      {outbound && <MessageSender sender={message.sender} />}
    </article>
  );
}
