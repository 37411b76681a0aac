"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/**
 * The height of a same-origin iframe's content, kept current by a ResizeObserver on its body:
 * images arriving, a folded quote opened, a narrower window. Pass the frame to `observe` from
 * its onLoad (a new srcdoc is a new document). The body must contain its children's margins
 * (display: flow-root) and the frame must have no border, so content height is frame height.
 */
export function useFrameContentHeight(initial: number) {
  const [height, setHeight] = useState(initial);
  const observer = useRef<ResizeObserver | null>(null);
  useEffect(() => () => observer.current?.disconnect(), []);
  const observe = useCallback((frame: HTMLIFrameElement | null) => {
    const document = frame?.contentDocument;
    const body = document?.body;
    if (!document || !body) return;
    const measure = () => {
      // A horizontal scrollbar (a wide table on a phone) takes its height from the frame's viewport.
      const scrollbar = Math.max((document.defaultView?.innerHeight ?? 0) - document.documentElement.clientHeight, 0);
      setHeight(Math.ceil(body.getBoundingClientRect().height) + scrollbar);
    };
    observer.current?.disconnect();
    observer.current = new ResizeObserver(measure);
    observer.current.observe(body);
    measure();
  }, []);
  return { height, observe };
}
