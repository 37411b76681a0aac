import { type RefObject, useEffect } from "react";

/**
 * While the thread is pinned, keeps it at its very bottom whatever grows. A ResizeObserver on the
 * content sees every height change after layout (email frames, images, waveforms and transcripts
 * that size themselves late), the last row's included: the virtualizer's own per-row adjustment
 * moves scrollTop before the content's new height is applied, so the browser clamps it and the
 * thread could stay a few pixels short of its newest line. Only the reader's own scroll unpins
 * (thread-view.tsx's onScroll), so this never fights them.
 */
export function usePinnedBottom(
  scrollRef: RefObject<HTMLElement | null>,
  contentRef: RefObject<HTMLElement | null>,
  pinned: RefObject<boolean>,
  mounted: boolean,
): void {
  useEffect(() => {
    const scroller = scrollRef.current;
    const content = contentRef.current;
    if (!mounted || !scroller || !content) return;
    const observer = new ResizeObserver(() => {
      if (pinned.current) scroller.scrollTop = scroller.scrollHeight;
    });
    observer.observe(content);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [scrollRef, contentRef, pinned, mounted]);
}
