import type { Message } from "@/components/inbox-data/api-types";
import type { SenderKind } from "@/lib/vocabulary";

// Who sent an outbound message (issue #27 "Who said it"), in small muted text under its bubble:
// "Ana Ruiz · Threadline", "Mark Lee · HighLevel", "Workflow · HighLevel automation".

const ORIGIN: Record<SenderKind, string> = {
  person: "Threadline",
  "highlevel-user": "HighLevel",
  "voxity-user": "Voxity",
  automation: "HighLevel automation",
};

export function MessageSender({ sender }: { sender: Message["sender"] }) {
  if (!sender) return null;
  return (
    <p className="mt-0.5 px-1 text-[11px] text-text-muted" data-testid="message-sender" data-sender-kind={sender.kind}>
      <span className="sr-only">Sent by </span>
      {sender.name} · {ORIGIN[sender.kind]}
    </p>
  );
}
