"use client";

import { ImageOff } from "lucide-react";
import { useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

// The server already sanitised this HTML. It still renders inside a sandboxed iframe without
// allow-scripts, so even a sanitiser miss cannot run script or touch the inbox's DOM or styles.

// Its own document, so literal colours: the paper tokens' values (white paper in both themes).
const FRAME_STYLE = `<style>body{margin:0;font:14px/1.45 system-ui,sans-serif;color:#0f172a;overflow-wrap:anywhere}img{max-width:100%;height:auto}details.quoted-reply>summary{cursor:pointer;color:#475569;font-size:12px;margin:8px 0}</style>`;

function restoreRemoteContent(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  for (const element of doc.querySelectorAll("[data-remote-src]"))
    element.setAttribute("src", element.getAttribute("data-remote-src")!);
  for (const element of doc.querySelectorAll("[data-remote-style]"))
    element.setAttribute("style", element.getAttribute("data-remote-style")!);
  for (const element of doc.querySelectorAll("[data-remote-background]"))
    element.setAttribute("background", element.getAttribute("data-remote-background")!);
  return doc.body.innerHTML;
}

export function EmailBody({
  html,
  hasRemoteContent,
  title,
}: {
  html: string;
  hasRemoteContent: boolean;
  title: string;
}) {
  const [showRemote, setShowRemote] = useState(false);
  const [height, setHeight] = useState(80);
  const frameRef = useRef<HTMLIFrameElement>(null);
  const srcDoc = useMemo(
    () =>
      `<!doctype html><html><head><meta charset="utf-8"><base target="_blank">${FRAME_STYLE}</head><body>${showRemote ? restoreRemoteContent(html) : html}</body></html>`,
    [html, showRemote],
  );
  const measure = () => {
    const body = frameRef.current?.contentDocument?.body;
    if (body) setHeight(Math.min(Math.max(body.scrollHeight + 8, 40), 2000));
  };
  return (
    <div className="space-y-1">
      {hasRemoteContent && !showRemote && (
        <Button
          variant="secondary"
          size="sm"
          onClick={() => setShowRemote(true)}
          className="gap-1 border-warning-border bg-warning-soft py-0.5 font-normal"
        >
          <ImageOff className="size-3.5" aria-hidden /> Remote images blocked — show them
        </Button>
      )}
      <iframe
        ref={frameRef}
        title={title}
        srcDoc={srcDoc}
        sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
        referrerPolicy="no-referrer"
        onLoad={() => {
          measure();
          // Opening a folded quote changes the height.
          frameRef.current?.contentDocument?.addEventListener("toggle", measure, true);
        }}
        // The email keeps its white paper in the dark theme too: its own colours assume it.
        className="w-full rounded border border-border bg-paper"
        style={{ height }}
        data-testid="email-frame"
      />
    </div>
  );
}
