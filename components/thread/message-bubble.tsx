import { AlertTriangle, FileText, PhoneIncoming, PhoneMissed, PhoneOutgoing, Voicemail } from "lucide-react";
import type { Attachment, Message } from "@/components/inbox-data/api-types";
import { CHANNEL_META, ChannelIcon } from "@/components/inbox-data/channel-meta";
import { AudioPlayer } from "@/components/audio/audio-player";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { formatDuration, formatTime } from "@/lib/format";
import { CALL_OUTCOME_WORDS, type CallOutcome } from "@/lib/vocabulary";
import { EmailBody } from "./email-body";
import { LinkifiedText } from "./linkified-text";

const FAILED_STATUSES = new Set(["failed", "undelivered", "error", "bounced", "rejected"]);

/** The call outcome in the same words the list preview uses (lib/vocabulary.ts), as a label. */
function outcomeLabel(outcome: CallOutcome): string {
  const words = CALL_OUTCOME_WORDS[outcome];
  return words ? `${words[0]!.toUpperCase()}${words.slice(1)}` : "Outcome unknown";
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
}: {
  attachment: Attachment | undefined;
  label: string;
  duration: number | null;
}) {
  if (!attachment) return null;
  if (!attachment.mediaUrl)
    return (
      <p className="text-xs italic text-text-muted" data-testid="recording-unavailable">
        Recording unavailable
      </p>
    );
  return <AudioPlayer src={attachment.mediaUrl} label={label} knownDurationSeconds={duration} />;
}

function CallBody({ message }: { message: Message }) {
  const call = message.call!;
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
      <p className="flex items-center gap-1.5 text-sm font-medium">
        <Icon className="size-4" aria-hidden />
        {title}
        {!isVoicemailDrop && <span className="font-normal text-text-muted">· {outcomeLabel(call.outcome)}</span>}
        {call.durationSeconds != null && (
          <span className="font-normal tabular-nums text-text-muted">· {formatDuration(call.durationSeconds)}</span>
        )}
      </p>
      {message.body && <LinkifiedText text={message.body} />}
      <Recording
        attachment={recording}
        label={isVoicemailDrop || call.outcome === "voicemail" ? "voicemail" : "call recording"}
        duration={call.durationSeconds}
      />
    </div>
  );
}

function EmailMessage({ message, showSubject }: { message: Message; showSubject: boolean }) {
  const email = message.email!;
  return (
    <div className="space-y-1 text-sm" data-testid="email-message">
      {showSubject && message.subject && <p className="font-semibold">{message.subject}</p>}
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs text-text-muted">
        {email.from && (
          <>
            <dt>From</dt>
            <dd className="break-all">{email.from}</dd>
          </>
        )}
        {email.to.length > 0 && (
          <>
            <dt>To</dt>
            <dd className="break-all">{email.to.join(", ")}</dd>
          </>
        )}
        {email.cc.length > 0 && (
          <>
            <dt>Cc</dt>
            <dd className="break-all">{email.cc.join(", ")}</dd>
          </>
        )}
      </dl>
      {message.html ? (
        <EmailBody
          html={message.html.html}
          hasRemoteContent={message.html.hasRemoteContent}
          title={`Email: ${message.subject ?? "(no subject)"}`}
        />
      ) : (
        <p className="italic text-text-muted">(empty email)</p>
      )}
    </div>
  );
}

function Attachments({ attachments }: { attachments: Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <div className="mt-1 flex flex-wrap gap-2">
      {attachments.map((attachment) =>
        attachment.kind === "image" && attachment.mediaUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- provider media through our media route
          <img
            key={attachment.id}
            src={attachment.mediaUrl}
            alt="Attachment"
            loading="lazy"
            className="max-h-60 max-w-full rounded"
          />
        ) : attachment.kind === "audio" && attachment.mediaUrl ? (
          <AudioPlayer key={attachment.id} src={attachment.mediaUrl} label="audio attachment" />
        ) : attachment.mediaUrl ? (
          <a
            key={attachment.id}
            href={attachment.mediaUrl}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="inline-flex items-center gap-1 text-xs underline"
          >
            <FileText className="size-3.5" aria-hidden />{" "}
            {decodeURIComponent(attachment.url.split("/").pop() || "attachment")}
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

export function MessageBubble({ message, showSubject }: { message: Message; showSubject: boolean }) {
  const outbound = message.direction === "outbound";
  const failed = message.status ? FAILED_STATUSES.has(message.status) : false;
  const isCall = message.call !== null && (message.channel === "call" || message.channel === "voicemail");
  return (
    <article
      className={`flex ${outbound ? "justify-end" : "justify-start"} px-4 py-1`}
      data-testid="message"
      data-direction={message.direction}
      data-channel={message.channel}
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
        )}
      >
        <header className="mb-1 flex flex-wrap items-center gap-x-1.5 text-[11px] text-text-muted">
          <ChannelIcon channel={message.channel} className="size-3.5" decorative />
          <span>{CHANNEL_META[message.channel]?.label ?? message.channel}</span>
          <span>·</span>
          <span>{outbound ? (message.author?.name ?? "Team") : "Customer"}</span>
          <span>·</span>
          <time dateTime={message.sentAt}>{formatTime(message.sentAt)}</time>
          {message.status && <span>·</span>}
          <StatusBadge status={message.status} />
        </header>
        {isCall ? (
          <CallBody message={message} />
        ) : message.channel === "email" ? (
          <EmailMessage message={message} showSubject={showSubject} />
        ) : (
          message.body && <LinkifiedText text={message.body} />
        )}
        {!isCall && <Attachments attachments={message.attachments} />}
      </div>
    </article>
  );
}
