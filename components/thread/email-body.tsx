"use client";

import { ImageOff } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { afterPaint } from "@/components/inbox-data/after-paint";
import { Button } from "@/components/ui/button";
import { emailFrameDocument } from "./email-frame-document";
import { useFrameContentHeight } from "./use-frame-content-height";

// The server already sanitised this HTML. It still renders inside a sandboxed iframe without
// allow-scripts, so even a sanitiser miss cannot run script or touch the inbox's DOM or styles,
// and under the frame's own Content-Security-Policy, so it cannot fetch anything remote either.

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
  const { height, observe } = useFrameContentHeight(80);
  const srcDoc = useMemo(() => emailFrameDocument(html, showRemote), [html, showRemote]);
  // Making a frame (a browsing context) is the dearest part of rendering a message, and a srcdoc
  // frame's first paint is empty paper anyway (its document loads in a later task): the frame comes
  // after the thread's first paint, in the same place at the same height, so opening a thread or
  // scrolling one does not wait for its emails' frames.
  const [framed, setFramed] = useState(false);
  useEffect(() => afterPaint(() => setFramed(true)), []);
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
      {/* The border is the wrapper's: the frame itself is exactly as tall as its content. */}
      {/* The email keeps its white paper in the dark theme too: its own colours assume it. */}
      <div className="overflow-hidden rounded border border-border bg-paper">
        {framed ? (
          <iframe
            title={title}
            srcDoc={srcDoc}
            sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
            referrerPolicy="no-referrer"
            onLoad={(event) => observe(event.currentTarget)}
            className="block w-full"
            style={{ height }}
            data-testid="email-frame"
          />
        ) : (
          <div className="block w-full" style={{ height }} />
        )}
      </div>
    </div>
  );
}
