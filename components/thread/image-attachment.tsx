"use client";

import { X } from "lucide-react";
import { useRef, useState } from "react";
import { IconButton } from "@/components/ui/icon-button";

/**
 * An image a customer sent: a thumbnail that opens larger in a modal viewer (Esc or the close
 * button closes it); when the media route cannot fetch it (502), the words "Image unavailable"
 * instead of the browser's broken-image icon, as recordings say "Recording unavailable".
 */
export function ImageAttachment({ src }: { src: string }) {
  const [failed, setFailed] = useState(false);
  const viewer = useRef<HTMLDialogElement>(null);
  if (failed)
    return (
      <p className="text-xs italic text-text-muted" data-testid="image-unavailable">
        Image unavailable
      </p>
    );
  return (
    <>
      <button
        type="button"
        onClick={() => viewer.current?.showModal()}
        className="rounded outline-none focus-visible:ring-2 focus-visible:ring-focus"
        aria-label="Open image larger"
      >
        <img
          src={src}
          alt="Attachment"
          loading="lazy"
          className="max-h-60 max-w-full rounded"
          onError={() => setFailed(true)}
        />
      </button>
      <dialog
        ref={viewer}
        aria-label="Image"
        data-testid="image-viewer"
        className="m-auto max-h-[95dvh] max-w-[95vw] rounded-card bg-surface p-2 backdrop:bg-black/70"
        onClick={(event) => event.target === event.currentTarget && viewer.current?.close()}
        onKeyDown={() => undefined}
      >
        <form method="dialog" className="flex justify-end">
          <IconButton label="Close image" type="submit">
            <X className="size-5" aria-hidden />
          </IconButton>
        </form>
        <img src={src} alt="Attachment, larger" className="max-h-[85dvh] max-w-full object-contain" />
      </dialog>
    </>
  );
}
