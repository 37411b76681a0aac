"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Eye, PenLine } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { callRoute, urlOf } from "@/components/api/call-route";
import type { PresentPerson } from "@/lib/team/presence";
import { leavePresenceRoute, presenceRoute } from "@/lib/contracts/team";

// Collision warnings (issue #24 item 5): who else has this conversation open and who is typing a
// reply. The page beats every few seconds (its answer is who else is there); someone arriving,
// typing or leaving nudges it over the live channel (`presenceKey`, use-live-updates) at once.

const BEAT_MS = 5_000;
/** Typing stops counting this long after the last keystroke. */
const TYPING_IDLE_MS = 4_000;

export type { PresentPerson };

export const presenceKey = (conversationId: string) => ["presence", conversationId] as const;

/** Beats while the conversation is open; `typed()` marks a keystroke in the reply box. */
export function usePresence(conversationId: string) {
  const [typing, setTyping] = useState(false);
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const typed = useCallback(() => {
    setTyping(true);
    if (idle.current) clearTimeout(idle.current);
    idle.current = setTimeout(() => setTyping(false), TYPING_IDLE_MS);
  }, []);
  const stoppedTyping = useCallback(() => {
    if (idle.current) clearTimeout(idle.current);
    setTyping(false);
  }, []);
  const query = useQuery({
    queryKey: [...presenceKey(conversationId), typing],
    queryFn: ({ signal }) => callRoute(presenceRoute, { params: { id: conversationId }, body: { typing } }, { signal }),
    refetchInterval: BEAT_MS,
    placeholderData: keepPreviousData,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  useEffect(() => {
    // Leaving the conversation (or the page) tells the others at once; a crash is caught by the TTL.
    const url = urlOf(leavePresenceRoute, { params: { id: conversationId } });
    const leave = () => void fetch(url, { method: leavePresenceRoute.method, keepalive: true }).catch(() => {});
    window.addEventListener("pagehide", leave);
    return () => {
      window.removeEventListener("pagehide", leave);
      if (idle.current) clearTimeout(idle.current);
      leave();
    };
  }, [conversationId]);
  return { others: query.data?.others ?? [], typed, stoppedTyping };
}

const names = (people: PresentPerson[]) =>
  people.length === 1
    ? people[0]!.name
    : `${people
        .slice(0, -1)
        .map((p) => p.name)
        .join(", ")} and ${people.at(-1)!.name}`;

/** "Ana is replying…", "Ben is viewing": a quiet line over the composer, announced politely. */
export function PresenceLine({ others }: { others: PresentPerson[] }) {
  const replying = others.filter((person) => person.typing);
  const viewing = others.filter((person) => !person.typing);
  return (
    <div role="status" aria-live="polite" className="min-h-0 px-3 text-xs" data-testid="presence">
      {replying.length > 0 && (
        <p className="flex items-center gap-1 pt-1 font-medium text-warning">
          <PenLine className="size-3.5" aria-hidden />
          {names(replying)} {replying.length === 1 ? "is" : "are"} replying…
        </p>
      )}
      {viewing.length > 0 && (
        <p className="flex items-center gap-1 pt-1 text-text-muted">
          <Eye className="size-3.5" aria-hidden />
          {names(viewing)} {viewing.length === 1 ? "is" : "are"} viewing
        </p>
      )}
    </div>
  );
}
