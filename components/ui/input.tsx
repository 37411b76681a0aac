import type { VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlVariants } from "./control";

// `controlSize`, not `size`: <input size> is an HTML attribute (width in characters).
export type InputProps = ComponentProps<"input"> & VariantProps<typeof controlVariants>;

export function Input({ controlSize, className, ...props }: InputProps) {
  return <input className={cn(controlVariants({ controlSize }), className)} {...props} />;
}
