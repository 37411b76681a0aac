import { LoaderCircle } from "lucide-react";
import { Button } from "./button";
import { Notice } from "./notice";

/** "Loading …" as a live status, the same in every pane. */
export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="flex items-center gap-2 p-4 text-sm text-text-muted">
      <LoaderCircle className="size-4 animate-spin" aria-hidden /> Loading {what}…
    </p>
  );
}

/** A failed load that says what failed and why, with a retry. */
export function LoadError({ what, error, onRetry }: { what: string; error: Error; onRetry: () => void }) {
  return (
    <Notice tone="danger" role="alert" className="m-3 p-3">
      Could not load {what}: {error.message}
      <Button variant="link" className="ml-2 text-danger hover:text-danger-hover" onClick={onRetry}>
        Try again
      </Button>
    </Notice>
  );
}
