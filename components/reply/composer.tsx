"use client";

import { Phone, Send, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import type { ReplyOptions } from "@/components/inbox-data/api-types";
import { CHANNEL_META } from "@/components/inbox-data/channel-meta";
import { Button } from "@/components/ui/button";
import { controlVariants } from "@/components/ui/control";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Select } from "@/components/ui/select";
import { ATTACHMENT_RULES } from "@/lib/replies/attachment-limits";
import { SMS_MAX_CHARACTERS, smsSize, typedAddresses } from "@/lib/replies/validations";
import type { ReplyChannel } from "@/lib/vocabulary";
import { AttachFilesButton, AttachmentChips } from "./attachment-chips";
import { useSendReply } from "./reply-api";
import { ChannelOptions, ConsentNotice } from "./consent-notice";
import { CopyFields } from "./email-fields";
import { FormatToolbar, formatShortcut } from "./format-toolbar";
import { ReplyViaHighLevel } from "./reply-via-highlevel";
import { SendLaterMenu } from "./send-later-menu";
import { SignatureNote } from "./signature-note";
import { TemplatePicker, type WhatsAppTemplate } from "./template-picker";
import { useReplyAttachments } from "./use-attachments";
import { useDraft } from "./use-draft";

/** The Reply box's element id: `r` focuses it from anywhere in the inbox. */
export const REPLY_TEXTBOX_ID = "reply-text";
/** HighLevel splits an SMS this long into many parts: say so before it goes. */
const WARN_AT_SEGMENTS = 10;

const newClientKey = () => crypto.randomUUID();

function SmsCounter({ text }: { text: string }) {
  const size = smsSize(text);
  const over = text.length > SMS_MAX_CHARACTERS;
  return (
    <span
      className={cn(
        "text-xs",
        over ? "text-danger" : size.segments >= WARN_AT_SEGMENTS ? "text-warning" : "text-text-muted",
      )}
      data-testid="sms-size"
    >
      {text.length.toLocaleString("en-US")} characters · {size.segments} {size.segments === 1 ? "segment" : "segments"}{" "}
      ({size.encoding}){over ? ` · at most ${SMS_MAX_CHARACTERS.toLocaleString("en-US")}` : ""}
    </span>
  );
}

function Blocked({ blocked }: { blocked: NonNullable<ReplyOptions["blocked"]> }) {
  return (
    <Notice className="m-2 flex flex-wrap items-center gap-2" data-testid="reply-blocked">
      <span>{blocked.reason}</span>
      {blocked.settingsLink && (
        <Link href="/settings" className="underline">
          Settings
        </Link>
      )}
      {blocked.phone && (
        <a href={`tel:${blocked.phone}`} className="inline-flex items-center gap-1 underline">
          <Phone className="size-3.5" aria-hidden /> Call {blocked.phone}
        </a>
      )}
      {blocked.replyVia && <ReplyViaHighLevel target={blocked.replyVia} />}
    </Notice>
  );
}

/**
 * The reply box under a thread: channel, (email) subject, Cc/Bcc and formatting, the text, Send.
 * Ctrl/Cmd+Enter sends; Esc leaves with the draft kept. What is sent is exactly what was typed
 * (an email's Markdown also goes as HTML, with the person's signature: lib/replies/email-html.ts).
 * Files come by "Attach files", a paste or a drop (./use-attachments.ts); a reply may be files alone.
 *
 * Collision guard (Front's "new activity"): when the thread changes while a reply is being written
 * (the customer writes again, a colleague replies), Send becomes "New activity — review" and the
 * first press only acknowledges it; the new messages are in the thread above. The person's own
 * sends are not new activity: while one is on its way nothing is flagged, and a newest message
 * that is one of theirs (its id comes back with the send) is what they just wrote.
 */
export function ReplyComposer({
  conversationId,
  options,
  authorName,
  activityId,
  onTyped,
  onSent,
}: {
  conversationId: string;
  options: ReplyOptions;
  authorName: string;
  /** The thread's newest message: when it changes, the thread has new activity. */
  activityId: string | null;
  onTyped?: () => void;
  onSent?: () => void;
}) {
  const draft = useDraft(conversationId);
  const { text, setText, setChannel, setSubject, cc, bcc } = draft;
  const textbox = useRef<HTMLTextAreaElement>(null);
  // The thread as it was when this reply was started; kept current while the box is empty.
  const [reviewedId, setReviewedId] = useState(activityId);
  // The messages this composer sent (their ids come back with each send).
  const [ownSends, setOwnSends] = useState<ReadonlySet<string>>(() => new Set());
  const composing = text.trim() !== "";
  useEffect(() => {
    if (!composing) setReviewedId(activityId);
  }, [composing, activityId]);
  // The draft's channel and subject when it has them (and the channel is still offered), else the conversation's.
  const offered = (c: ReplyChannel) => options.channels.includes(c) && !options.unavailable[c];
  const channel = draft.channel && offered(draft.channel) ? draft.channel : options.defaultChannel;
  // WhatsApp after 24 hours: only an approved template may go (./template-picker.tsx).
  const [template, setTemplate] = useState<WhatsAppTemplate | null>(null);
  const subject = draft.subject ?? options.emailSubject ?? "";
  const clientKey = useRef(newClientKey());
  const send = useSendReply(conversationId, authorName);
  const newActivity =
    composing && !send.isPending && activityId !== reviewedId && !(activityId && ownSends.has(activityId));
  const channelId = useId();
  const attachments = useReplyAttachments(conversationId, channel ?? "sms");

  if (options.blocked) return <Blocked blocked={options.blocked} />;
  if (!channel) return null;
  const email = channel === "email";
  const tooLong = channel === "sms" && text.length > SMS_MAX_CHARACTERS;
  const templateOnly = channel === "whatsapp" ? (options.whatsapp?.reason ?? null) : null;
  // A template goes alone; Google Business takes no files.
  const canAttach = !templateOnly && ATTACHMENT_RULES[channel].length > 0;
  const files = canAttach ? attachments.urls : [];
  const empty = templateOnly ? !template : text.trim() === "" && files.length === 0;
  // Send waits for uploads to finish, and for a file the channel can't take to be removed.
  const held = canAttach && attachments.blocking;

  const typed = (value: string) => {
    setText(value);
    onTyped?.();
  };

  const submit = (event?: FormEvent, sendAt?: Date) => {
    event?.preventDefault();
    // A send on its way does not hold the next one back (chat apps send a quick follow-up at once):
    // each send has its own client key, so the server tells them apart and stores each once.
    if (empty || tooLong || held) return;
    if (newActivity) {
      setReviewedId(activityId);
      return;
    }
    onSent?.();
    // This message's key; the next one gets its own. A refusal gives the key back with the text,
    // so sending that text again can never store it twice (the server knows the key).
    const key = clientKey.current;
    clientKey.current = newClientKey();
    const input = {
      clientKey: key,
      channel,
      text,
      ...(templateOnly && template ? { templateId: template.id, text: template.body } : {}),
      ...(email && subject.trim() ? { subject } : {}),
      ...(email && cc.trim() ? { cc: typedAddresses(cc) } : {}),
      ...(email && bcc.trim() ? { bcc: typedAddresses(bcc) } : {}),
      ...(sendAt ? { sendAt: sendAt.toISOString() } : {}),
      ...(files.length > 0 ? { attachments: files } : {}),
    };
    // Local first: the bubble is in the thread and the box is empty at once; a refusal puts the text back.
    draft.update(email ? { text: "", cc: "", bcc: "" } : { text: "" });
    // mutateAsync, not mutate's callbacks: those run for the latest of several sends only.
    send.mutateAsync({ input, subject: email ? subject : null }).then(
      ({ reply }) => {
        setOwnSends((sent) => new Set(sent).add(reply.messageId));
        setTemplate(null);
        attachments.clear();
      },
      () => {
        clientKey.current = key;
        draft.update(email ? { text, cc, bcc } : { text });
      },
    );
  };

  return (
    // Leaving the composer (a click elsewhere, Esc) saves the draft at once.
    <form
      onSubmit={submit}
      onBlur={draft.flush}
      {...attachments.dropZone}
      className={cn("p-2", attachments.dragging && "rounded-card outline-2 outline-dashed outline-focus")}
      aria-label="Reply to the customer"
    >
      <div className="mb-1 flex flex-wrap items-center gap-2">
        <label htmlFor={channelId} className="text-xs text-text-muted">
          Channel
        </label>
        <Select
          id={channelId}
          controlSize="sm"
          value={channel}
          onChange={(event) => setChannel(event.target.value as ReplyChannel)}
        >
          <ChannelOptions channels={options.channels} unavailable={options.unavailable} />
        </Select>
        {email && (
          <Input
            controlSize="sm"
            aria-label="Subject"
            placeholder="Subject"
            value={subject}
            onChange={(event) => setSubject(event.target.value)}
            className="min-w-0 flex-1"
          />
        )}
        {email && <CopyFields cc={cc} bcc={bcc} onCc={draft.setCc} onBcc={draft.setBcc} />}
      </div>
      <ConsentNotice unavailable={options.unavailable} />
      {templateOnly && (
        <TemplatePicker conversationId={conversationId} reason={templateOnly} value={template} onChange={setTemplate} />
      )}
      {email && <FormatToolbar textbox={textbox} onChange={typed} disabled={Boolean(templateOnly)} />}
      {canAttach && <AttachmentChips attachments={attachments} />}
      <div className="flex items-end gap-2">
        <textarea
          ref={textbox}
          disabled={Boolean(templateOnly)}
          id={REPLY_TEXTBOX_ID}
          aria-label="Reply"
          rows={2}
          value={text}
          placeholder={
            templateOnly ? "Choose a template above" : `Reply by ${CHANNEL_META[channel].label}… (Ctrl+Enter sends)`
          }
          onChange={(event) => typed(event.target.value)}
          onKeyDown={(event) => {
            if (email && formatShortcut(event, typed)) return;
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) submit();
          }}
          onPaste={canAttach ? attachments.onPaste : undefined}
          className={cn(controlVariants(), "max-h-48 min-h-[2.75rem] min-w-0 flex-1 resize-y")}
        />
        {newActivity ? (
          <Button type="submit" variant="secondary" aria-keyshortcuts="Control+Enter" data-testid="reply-review">
            <TriangleAlert className="size-4 text-warning" aria-hidden /> New activity — review
          </Button>
        ) : (
          <>
            {canAttach && <AttachFilesButton attachments={attachments} channel={channel} />}
            <Button type="submit" disabled={empty || tooLong || held} aria-keyshortcuts="Control+Enter">
              <Send className="size-4" aria-hidden /> Send
            </Button>
            <SendLaterMenu disabled={empty || tooLong || held} onSchedule={(at) => submit(undefined, at)} />
          </>
        )}
      </div>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        {channel === "sms" && text && <SmsCounter text={text} />}
        {email && <SignatureNote />}
        {send.isError && (
          <p role="alert" className="text-xs text-danger">
            {send.error.message}
          </p>
        )}
      </div>
    </form>
  );
}
