import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "./cn";

/**
 * Every clickable action's look, in one place. Exported so a Next <Link> that acts like a button
 * (header navigation) can wear the same classes without becoming a <button>.
 * aria-disabled is styled like disabled: some buttons stay focusable while unavailable, because a
 * disabled button drops keyboard focus to <body>.
 */
export const buttonVariants = cva(
  // On touch screens at least 44 px square (WCAG 2.5.5), whatever the size on a desktop.
  "inline-flex items-center justify-center gap-1.5 rounded-control font-medium whitespace-nowrap transition-colors " +
    "pointer-coarse:min-h-11 pointer-coarse:min-w-11 " +
    "disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60",
  {
    variants: {
      variant: {
        primary: "bg-accent font-semibold text-accent-contrast hover:bg-accent-hover",
        secondary: "border border-border-strong bg-surface text-text hover:bg-surface-hover",
        ghost: "text-text hover:bg-surface-hover",
        danger: "bg-danger font-semibold text-danger-contrast hover:bg-danger-hover",
        link: "p-0 font-normal text-accent underline underline-offset-2 hover:text-accent-hover",
      },
      size: {
        sm: "px-2 py-1 text-xs",
        md: "px-3 py-1.5 text-sm",
        lg: "px-3 py-2 text-sm",
      },
    },
    // A link-styled button sits inside running text: no padding whatever the size.
    compoundVariants: [{ variant: "link", className: "px-0 py-0" }],
    defaultVariants: { variant: "primary", size: "md" },
  },
);

export type ButtonProps = ComponentProps<"button"> & VariantProps<typeof buttonVariants>;

/** A button; `type` defaults to "button" so one inside a form never submits it by accident. */
export function Button({ variant, size, className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={cn(buttonVariants({ variant, size }), className)} {...props} />;
}
