import { LoaderCircle } from "lucide-react";

/** "Loading …" as a live status, the same in every pane. */
export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="flex items-center gap-2 p-4 text-sm text-slate-600">
      <LoaderCircle className="size-4 animate-spin" aria-hidden /> Loading {what}…
    </p>
  );
}

/** A failed load that says what failed and why, with a retry. */
export function LoadError({ what, error, onRetry }: { what: string; error: Error; onRetry: () => void }) {
  return (
    <div role="alert" className="m-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      Could not load {what}: {error.message}
      <button type="button" className="ml-2 underline" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
