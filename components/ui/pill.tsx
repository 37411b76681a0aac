import type { ComponentProps } from "react";
import { cn } from "./cn";

export type PillProps = Omit<ComponentProps<"button">, "aria-pressed"> & {
  /** On or off: announced as a pressed toggle button, drawn filled when on. */
  pressed: boolean;
};

/** A filter toggle (a channel, a direction): a small rounded button with aria-pressed. */
export function Pill({ pressed, className, type = "button", ...props }: PillProps) {
  return (
    <button
      type={type}
      aria-pressed={pressed}
      className={cn(
        "inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs transition-colors pointer-coarse:min-h-11 pointer-coarse:min-w-11 pointer-coarse:justify-center pointer-coarse:px-3",
        pressed
          ? "border-accent bg-accent text-accent-contrast hover:bg-accent-hover"
          : "border-border-strong bg-surface text-text hover:bg-surface-hover",
        className,
      )}
      {...props}
    />
  );
}
