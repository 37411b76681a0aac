import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

const iconButtonVariants = cva(
  // On touch screens at least 44 px square (WCAG 2.5.5), whatever the size on a desktop.
  "inline-flex shrink-0 items-center justify-center transition-colors pointer-coarse:min-h-11 pointer-coarse:min-w-11 " +
    "disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60",
  {
    variants: {
      variant: {
        ghost: "text-text hover:bg-surface-hover",
        secondary: "border border-border-strong bg-surface text-text hover:bg-surface-hover",
        primary: "bg-accent text-accent-contrast hover:bg-accent-hover",
      },
      size: { sm: "p-1", md: "p-1.5" },
      shape: { square: "rounded-control", round: "rounded-full" },
    },
    defaultVariants: { variant: "ghost", size: "md", shape: "square" },
  },
);

export type IconButtonProps = Omit<ComponentProps<"button">, "aria-label" | "title" | "children"> &
  VariantProps<typeof iconButtonVariants> & {
    /** What the button does, for screen readers and as the hover tooltip: an icon alone says nothing. */
    label: string;
    /** The icon, drawn aria-hidden by the caller. */
    children: ReactNode;
  };

export function IconButton({
  label,
  variant,
  size,
  shape,
  className,
  type = "button",
  children,
  ...props
}: IconButtonProps) {
  return (
    <button
      type={type}
      aria-label={label}
      title={label}
      className={cn(iconButtonVariants({ variant, size, shape }), className)}
      {...props}
    >
      {children}
    </button>
  );
}
