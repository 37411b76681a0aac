import { cva } from "class-variance-authority";

/** Text fields and native selects share one frame, so a form's controls line up. */
export const controlVariants = cva(
  "rounded-control border border-border-strong bg-surface text-text placeholder:text-text-muted " +
    "focus-visible:border-focus focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-focus " +
    "disabled:cursor-not-allowed disabled:opacity-60 pointer-coarse:min-h-11",
  {
    variants: {
      controlSize: {
        sm: "px-1 py-0.5 text-xs",
        md: "px-2 py-1.5 text-sm",
      },
    },
    defaultVariants: { controlSize: "md" },
  },
);
