"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { goHref, goSequence, goTarget, isTyping } from "./go-keys";

/** The `g` sequences on the pages around the inbox (Reports, the event log, Settings). */
export function GoKeysListener() {
  const router = useRouter();
  useEffect(() => {
    const sequence = goSequence();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (isTyping(event.target) || (event.target as HTMLElement | null)?.closest?.("dialog")) {
        sequence.reset();
        return;
      }
      const step = sequence.next(event.key);
      if (step === null || step === "started") return;
      const target = goTarget(step.after);
      if (!target) return;
      event.preventDefault();
      router.push(goHref(target));
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [router]);
  return null;
}
