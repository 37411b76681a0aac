import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { FOCUS_RING } from "./format";

/** A conversation in the inbox, from the event log (an event's, a send's); the inbox names it by `c`. */
export function ConversationLink({ id, className }: { id: string; className?: string }) {
  return (
    <Link href={`/?c=${encodeURIComponent(id)}`} className={cn("text-accent underline", FOCUS_RING, className)}>
      Open conversation
    </Link>
  );
}
