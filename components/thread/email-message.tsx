import type { Message } from "@/components/inbox-data/api-types";
import { HighlightedText } from "@/components/ui/highlighted-text";
import { EmailBody } from "./email-body";
import { LinkifiedText } from "./linkified-text";

/** An email in the thread: its subject (where its thread starts), addresses, and its own HTML. */
export function EmailMessage({ message, showSubject }: { message: Message; showSubject: boolean }) {
  const email = message.email!;
  return (
    <div className="space-y-1 text-sm" data-testid="email-message">
      {showSubject && message.subject && (
        <p className="font-semibold">
          <HighlightedText text={message.subject} />
        </p>
      )}
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
      ) : message.body ? (
        // An email reply not yet stored (components/reply): the text as typed.
        <LinkifiedText text={message.body} />
      ) : (
        <p className="italic text-text-muted">(empty email)</p>
      )}
    </div>
  );
}
