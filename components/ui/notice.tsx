import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "./cn";

/** A boxed message: an error, a warning, or something to copy (an invitation link, a new token). */
const noticeVariants = cva("rounded-control border p-2 text-sm", {
  variants: {
    tone: {
      danger: "border-danger-border bg-danger-soft text-danger",
      warning: "border-warning-border bg-warning-soft text-text",
      success: "border-success-border bg-success-soft text-text",
      neutral: "border-border bg-surface-sunken text-text",
    },
  },
  defaultVariants: { tone: "neutral" },
});

export type NoticeProps = ComponentProps<"div"> & VariantProps<typeof noticeVariants>;

export function Notice({ tone, className, ...props }: NoticeProps) {
  return <div className={cn(noticeVariants({ tone }), className)} {...props} />;
}
