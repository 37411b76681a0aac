"use client";

import { elementScroll, type VirtualizerOptions } from "@tanstack/react-virtual";
import { type RefObject, useEffect, useLayoutEffect, useRef } from "react";

/**
 * What holds the thread in place while what is in it sizes itself late (photos, email frames,
 * waveforms, transcripts, the virtualiser measuring rows): its newest message at the bottom, the
 * row a search opened it at (kept centred), or wherever the reader scrolled (nothing moves it).
 */
export type ScrollPin = { to: "bottom" } | { to: "row"; key: string } | { to: "reader" };

/** The reader scrolled to within this of the bottom: the thread follows its newest message again. */
const NEAR_BOTTOM_PX = 120;

type ScrollToFn = VirtualizerOptions<HTMLElement, Element>["scrollToFn"];

/**
 * Keeps the thread pinned whatever grows: a ResizeObserver on the content and on the scrolling
 * area, and a pass after every render (the virtualiser re-renders when it measures a row), put the
 * pinned place back before the browser paints.
 *
 * Only the reader's own scroll changes the pin. Every scroll this hook or the virtualiser makes is
 * noted (the virtualiser writes through `scrollToFn`), and a scroll event that lands where one of
 * them put the view is theirs; any other is the reader's — wheel, touch, keys, the scrollbar, a
 * focused control or a found word brought into view. Guessing from the direction instead ("the
 * view moved up, so the reader scrolled up") takes an upward correction by the virtualiser or the
 * browser (a row above shrinking, a clamp) for the reader's whenever it lands more than 120 px from
 * the bottom, and misses a reader's scroll that goes down. The area sets `overflow-anchor: none`:
 * the pin, not the browser's scroll anchoring, decides where the view stays.
 */
export function usePinnedScroll(
  scrollRef: RefObject<HTMLElement | null>,
  contentRef: RefObject<HTMLElement | null>,
  active: boolean,
) {
  const pin = useRef<ScrollPin>({ to: "bottom" });
  // The scroll position accounted for: where this hook or the virtualiser last put the view, or a
  // move already taken for the reader's. Anything else the view is found at, someone else moved it.
  const known = useRef<number | null>(null);

  const tools = useRef({
    /**
     * Takes a move nobody here made for the reader's: a pin to the bottom if it ends near it, none
     * otherwise. Called on every scroll event and before every restore, so a render between the
     * reader's scroll and its event cannot put the pinned place back over it.
     */
    account(scroller: HTMLElement) {
      const top = scroller.scrollTop;
      const previous = known.current;
      known.current = top;
      if (previous === null || Math.abs(top - previous) < 1) return;
      const fromBottom = scroller.scrollHeight - top - scroller.clientHeight;
      pin.current = fromBottom < NEAR_BOTTOM_PX ? { to: "bottom" } : { to: "reader" };
    },
    /** Puts the pinned place back; nothing when the reader holds the view. */
    restore() {
      const scroller = scrollRef.current;
      if (!scroller) return;
      this.account(scroller);
      const held = pin.current;
      if (held.to === "reader") return;
      let top = scroller.scrollHeight;
      if (held.to === "row") {
        const row = scroller.querySelector<HTMLElement>(`[data-row-key="${CSS.escape(held.key)}"]`);
        if (!row) return; // not rendered yet: the virtualiser is on its way to it
        const box = row.getBoundingClientRect();
        const offset = box.top - scroller.getBoundingClientRect().top - scroller.clientTop;
        // Centred; a row taller than the view keeps its top in view.
        top = scroller.scrollTop + offset - Math.max((scroller.clientHeight - box.height) / 2, 0);
      }
      top = Math.min(Math.max(Math.round(top), 0), scroller.scrollHeight - scroller.clientHeight);
      if (Math.abs(scroller.scrollTop - top) < 1) return;
      scroller.scrollTop = top;
      known.current = scroller.scrollTop;
    },
    /** The virtualiser's scrolling (row corrections, scrolling to a row), noted as not the reader's. */
    scrollToFn: ((offset, options, instance) => {
      elementScroll(offset, options, instance);
      if (instance.scrollElement) known.current = instance.scrollElement.scrollTop;
    }) satisfies ScrollToFn,
  }).current;

  // After every render of the thread: the rows' new places are laid out, not yet painted.
  useLayoutEffect(() => tools.restore());

  useEffect(() => {
    const scroller = scrollRef.current;
    const content = contentRef.current;
    if (!active || !scroller || !content) return;
    const observer = new ResizeObserver(() => tools.restore());
    observer.observe(content);
    observer.observe(scroller);
    const onScroll = (event: Event) => {
      if (event.target === scroller) tools.account(scroller);
    };
    // Captured at the document: before the virtualiser's own listener re-renders the thread (and
    // the pass after that render would put a still-pinned view back over the reader's scroll).
    document.addEventListener("scroll", onScroll, { capture: true, passive: true });
    return () => {
      observer.disconnect();
      document.removeEventListener("scroll", onScroll, { capture: true });
    };
  }, [scrollRef, contentRef, active, tools]);

  return {
    pin,
    /** For the virtualiser: its scrolling is never taken for the reader's. */
    scrollToFn: tools.scrollToFn,
    /** Holds the thread at `next` from now on (the thread opened, a search hit found). */
    pinTo(next: ScrollPin) {
      pin.current = next;
      tools.restore();
    },
  };
}
